/** The spend report and the price list, shaped for the screen; pure, so Vitest covers it. */

export const GROUPS = [
  "team",
  "model",
  "vendor",
  "jurisdiction",
  "deployment",
  "operator",
  "operatorJurisdiction",
] as const;
export type Group = (typeof GROUPS)[number];
export const INTERVALS = ["total", "month", "day"] as const;
export type Interval = (typeof INTERVALS)[number];

/** One row of GET /api/v1/spend: a key's sums over a period (null: the whole window) in one currency. */
export interface SpendItem {
  /** Left out in the totals. */
  key?: string | null;
  /** Left out over the whole window. */
  period?: string | null;
  currency: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  unpricedCalls: number;
}

export interface SpendReport {
  from: string;
  to: string;
  groupBy: Group;
  interval: Interval;
  items: SpendItem[];
  totals: SpendItem[];
}

/** GET /api/v1/prices: per million tokens, valid over [validFrom, validTo). */
export interface Price {
  id: string;
  model: string;
  deployment?: string | null;
  currency: string;
  inputPerMillion: number;
  outputPerMillion: number;
  validFrom: string;
  /** Left out: until further notice. */
  validTo?: string | null;
  source: "manual" | "litellm";
  createdAt: string;
}

/** POST /api/v1/prices/import's answer. */
export interface PriceImport {
  entries: number;
  imported: { model: string; entry: string; price: Price }[];
  unchanged: string[];
  unmatched: string[];
  ambiguous: { model: string; entries: string[] }[];
}

export interface SpendFilters {
  from: string;
  to: string;
  groupBy: Group;
  interval: Interval;
}

/** The screen's filters from its address: this month so far, by team, in total, unless it says otherwise. */
export function filtersOf(params: URLSearchParams, today: Date = new Date()): SpendFilters {
  const day = today.toISOString().slice(0, 10);
  const date = (value: string | null, fallback: string) =>
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback;
  const groupBy = GROUPS.find((g) => g === params.get("groupBy")) ?? "team";
  const interval = INTERVALS.find((i) => i === params.get("interval")) ?? "total";
  return { from: date(params.get("from"), `${day.slice(0, 8)}01`), to: date(params.get("to"), day), groupBy, interval };
}

/** A cost in millionths of the currency, as money: 7,500 micros of USD is $0.0075. */
export function formatCost(micros: number, currency: string): string {
  const amount = micros / 1_000_000;
  const digits = amount !== 0 && Math.abs(amount) < 1 ? 4 : 2;
  try {
    return new Intl.NumberFormat("en", {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    return `${amount.toFixed(digits)} ${currency}`;
  }
}

/** A price per million tokens, as the list shows it. */
export function formatPerMillion(amount: number, currency: string): string {
  return `${amount.toLocaleString("en", { maximumFractionDigits: 6 })} ${currency} / 1M tokens`;
}

/** What an import did, in one line. */
export function importSummary(result: PriceImport): string {
  const parts = [
    `${result.imported.length} model${result.imported.length === 1 ? "" : "s"} priced`,
    `${result.unchanged.length} unchanged`,
    `${result.unmatched.length} not in the map`,
  ];
  if (result.ambiguous.length > 0) {
    parts.push(
      `${result.ambiguous.length} ambiguous (${result.ambiguous.map((a) => a.model).join(", ")}): add their prices by hand`,
    );
  }
  return `${parts.join(", ")}; the map had ${result.entries} token-priced entries.`;
}

/** Each item's share of its currency's total cost, in percent, for the bars beside the figures. */
export function costShare(item: SpendItem, totals: SpendItem[]): number {
  const total = totals.find((t) => t.currency === item.currency)?.costMicros ?? 0;
  return total > 0 ? Math.round((item.costMicros / total) * 1000) / 10 : 0;
}

/** GET /api/v1/budgets: a monthly limit with this month's spend in its currency. */
export interface Budget {
  id: string;
  team: string;
  /** Left out for a team-wide budget. */
  vendor?: string | null;
  currency: string;
  monthlyLimit: number;
  onExceeded: "deny" | "low-tier-only";
  month: string;
  spent: number;
  percent: number;
  state: "ok" | "warning" | "exceeded";
}

/** The budget a form's team and vendor would set: the existing one is changed, not duplicated. */
export function budgetFor(budgets: Budget[], team: string, vendor: string): Budget | undefined {
  return budgets.find((b) => b.team === team && (b.vendor ?? "") === vendor);
}

/** How a budget stands, in words: what the decision does now. */
export function budgetStanding(budget: Budget): string {
  if (budget.state === "exceeded") {
    return budget.onExceeded === "low-tier-only" ? "spent: only low-cost models are allowed" : "spent: decisions deny";
  }
  if (budget.state === "warning") return "80% or more: decisions warn";
  return "within budget";
}

/** GET /api/v1/spend/dependency: shares of calls (and cost, in one currency) per vendor and jurisdiction. */
export interface Share {
  key: string;
  calls: number;
  callShare: number;
  costMicros: number;
  /** Left out when costs are in several currencies. */
  costShare?: number | null;
}

export interface DependencySlice {
  capability?: string | null;
  calls: number;
  costMicros: number;
  byVendor: Share[];
  byJurisdiction: Share[];
  /** Where decisions routed the calls ("unknown": they named no deployment). */
  byOperatorJurisdiction: Share[];
}

/** A ceiling's dimension in words. */
export function dimensionLabel(dimension: Ceiling["dimension"]): string {
  return dimension === "operatorJurisdiction" ? "operator jurisdiction" : dimension;
}

export interface Ceiling {
  dimension: "vendor" | "jurisdiction" | "operatorJurisdiction";
  /** Left out: calls of every classification. */
  classification?: string | null;
  maxSharePercent: number;
}

export interface Breach extends Ceiling {
  key: string;
  callShare: number;
}

export interface Dependency {
  from: string;
  to: string;
  classification?: string | null;
  overall: DependencySlice;
  capabilities: DependencySlice[];
  ceilings: Ceiling[];
  breaches: Breach[];
}

/** A breached ceiling in one sentence: "jurisdiction US carries 75% of confidential calls (ceiling 60%)". */
export function breachLine(breach: Breach): string {
  const scope = breach.classification ? `${breach.classification} calls` : "all calls";
  return `${dimensionLabel(breach.dimension)} ${breach.key} carries ${breach.callShare}% of ${scope} (ceiling ${breach.maxSharePercent}%)`;
}
