/** The overview's arithmetic; pure, so Vitest covers it. */
import type { Model, Vendor } from "../../shared/types";

/** Share of allowed decisions as a whole percentage, or null when there were none. */
export function allowedShare(allowed: number, denied: number): number | null {
  const total = allowed + denied;
  return total === 0 ? null : Math.round((100 * allowed) / total);
}

/** How many models each vendor jurisdiction supplies, most first. */
export function modelsByJurisdiction(models: Model[], vendors: Vendor[]): [string, number][] {
  const jurisdictionOf = new Map(vendors.map((v) => [v.id, v.jurisdiction]));
  const counts = new Map<string, number>();
  for (const m of models) {
    const j = jurisdictionOf.get(m.vendor) ?? "unknown";
    counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
