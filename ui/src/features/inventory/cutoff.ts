/** Announced cut-offs of vendors and models: how forms write them and screens name them. Pure, so Vitest covers it. */
import { startOfDayUtc } from "../../shared/format";

export interface CutOff {
  cutOffAt: string | null;
  cutOffReason: string | null;
}

/** The date a form shows for a cut-off instant (its UTC day), or "" for none. */
export function cutOffDate(at: string | null | undefined): string {
  if (!at) return "";
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/**
 * What a form sends: the start of the picked UTC day (decisions deny from then on), the reason only
 * with a date. An instant that already falls on the picked day is kept as it is.
 */
export function cutOffBody(date: string, reason: string, existing?: string | null): CutOff {
  if (!date) return { cutOffAt: null, cutOffReason: null };
  const at = existing && cutOffDate(existing) === date ? existing : (startOfDayUtc(date) ?? date);
  return { cutOffAt: at, cutOffReason: reason.trim() || null };
}

/** "Cut off on 2027-01-31 (retired)" ahead, "Cut off since …" once past; "" when none is announced. */
export function describeCutOff(c: CutOff, now: Date = new Date()): string {
  if (!c.cutOffAt) return "";
  const day = cutOffDate(c.cutOffAt);
  const past = new Date(c.cutOffAt).getTime() <= now.getTime();
  const reason = c.cutOffReason ? ` (${c.cutOffReason})` : "";
  return `${past ? "Cut off since" : "Cut off on"} ${day}${reason}`;
}

/** Whole days until a cut-off, rounded up; negative once past. */
export function daysUntil(at: string, now: Date = new Date()): number {
  return Math.ceil((new Date(at).getTime() - now.getTime()) / 86_400_000);
}
