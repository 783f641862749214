/** Formatting shared by the screens; pure, so Vitest covers it. */

/** An instant as people in any time zone read it the same way: 2026-11-25 21:50 UTC. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** A date picked in a form (YYYY-MM-DD) as the end of that day in UTC, the instant the API wants. */
export function endOfDayUtc(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return `${date}T23:59:59Z`;
}

/** A date picked in a form as the start of that day in UTC. */
export function startOfDayUtc(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return `${date}T00:00:00Z`;
}

/** "eu, us" or "eu us" → ["eu", "us"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;
