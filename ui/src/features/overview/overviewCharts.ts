/** The overview charts' arithmetic and links; pure, so Vitest covers it. */
import { query } from "../../shared/api";
import type { SpendItem } from "../spend/spend";

const DAY = 24 * 60 * 60 * 1000;

/** The last `count` UTC days up to and including today's, oldest first, as YYYY-MM-DD. */
export function lastDays(count: number, now: Date = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, i) => new Date(today - (count - 1 - i) * DAY).toISOString().slice(0, 10));
}

/** A UTC day as the decision search's window: from its first instant to the next day's (the API's `to` is exclusive). */
export function dayWindow(day: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00Z`);
  return { from: new Date(start).toISOString(), to: new Date(start + DAY).toISOString() };
}

/** The decision search's path for how many decisions of one outcome a day holds (its `total`; one row only). */
export function dayCountPath(day: string, outcome: "allow" | "deny"): string {
  return `/api/v1/audit/decisions/search${query({ ...dayWindow(day), outcome, size: 1 })}`;
}

/** The decision explorer filtered to one day and outcome, with its own address parameters. */
export function explorerLink(outcome: "allow" | "deny", from?: string, to?: string): string {
  return `/decisions${query({ from, to: to ?? from, outcome })}`;
}

export interface DayCounts {
  day: string;
  allowed: number;
  denied: number;
}

/** Per-day totals as the chart draws them: every day present (zero where nothing was logged), oldest first. */
export function bucketByDay(
  days: string[],
  totals: { day: string; outcome: "allow" | "deny"; total: number }[],
): DayCounts[] {
  const byDay = new Map(days.map((day) => [day, { day, allowed: 0, denied: 0 }]));
  for (const t of totals) {
    const bucket = byDay.get(t.day);
    if (!bucket) continue;
    if (t.outcome === "allow") bucket.allowed += t.total;
    else bucket.denied += t.total;
  }
  return [...byDay.values()];
}

/** Nothing to draw: no decision on any day. */
export function noDecisions(counts: DayCounts[]): boolean {
  return counts.every((c) => c.allowed === 0 && c.denied === 0);
}

/** "12-07" for 2026-12-07: short enough for fourteen ticks. */
export function shortDay(day: string): string {
  return day.slice(5);
}

/** How many of the given denials carry each reason code (a code counted once per decision), most first. */
export function countReasons(denials: { reasons: { code: string }[] }[], top = 8): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of denials) {
    for (const code of new Set(d.reasons.map((r) => r.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top);
}

/** What the reason counts were taken from: every denial in the window, or only the newest when there were more. */
export function reasonsScope(sampled: number, total: number, days: number): string {
  if (sampled >= total)
    return `all ${total.toLocaleString("en")} denial${total === 1 ? "" : "s"} of the last ${days} days`;
  return `the last ${sampled.toLocaleString("en")} denials (of ${total.toLocaleString("en")} in the last ${days} days)`;
}

/** Millionths of a currency as an amount of it: 1,250,000 micros is 1.25. */
export function microsToAmount(micros: number): number {
  return micros / 1_000_000;
}

export interface SpendBar {
  key: string;
  currency: string;
  amount: number;
  costMicros: number;
  calls: number;
}

/** A spend report's rows as bars, biggest cost first; an empty key (no deployment named) reads as "unknown". */
export function spendBars(items: SpendItem[]): SpendBar[] {
  return items
    .map((i) => ({
      key: i.key || "unknown",
      currency: i.currency,
      amount: microsToAmount(i.costMicros),
      costMicros: i.costMicros,
      calls: i.calls,
    }))
    .sort(
      (a, b) =>
        b.costMicros - a.costMicros ||
        b.calls - a.calls ||
        a.key.localeCompare(b.key) ||
        a.currency.localeCompare(b.currency),
    );
}

/** The bars the chart draws: the `top` keys by cost, each key with one bar per currency; the table lists all. */
export function topSpendKeys(bars: SpendBar[], top = 8): string[] {
  const keys: string[] = [];
  for (const b of bars) if (!keys.includes(b.key)) keys.push(b.key);
  return keys.slice(0, top);
}

/** The currencies of the bars, most spent first (by the sum of their micros; different currencies never add up). */
export function currencies(bars: SpendBar[]): string[] {
  const sums = new Map<string, number>();
  for (const b of bars) sums.set(b.currency, (sums.get(b.currency) ?? 0) + b.costMicros);
  return [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** This month so far in UTC, as the spend API and screen read their windows. */
export function monthToDate(now: Date = new Date()): { from: string; to: string } {
  const day = now.toISOString().slice(0, 10);
  return { from: `${day.slice(0, 8)}01`, to: day };
}

/** The spend screen over the same window, grouped as its own filters allow (it has no grouping by operator: leave it out). */
export function spendLink(
  groupBy: "team" | "jurisdiction" | "vendor" | "model" | undefined,
  window: { from: string; to: string },
): string {
  return `/spend${query({ groupBy, from: window.from, to: window.to })}`;
}
