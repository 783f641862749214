import { describe, expect, it } from "vitest";
import {
  breachLine,
  budgetFor,
  budgetStanding,
  costShare,
  filtersOf,
  formatCost,
  importSummary,
  type Budget,
  type SpendItem,
} from "./spend";

const item = (currency: string, costMicros: number): SpendItem => ({
  key: "k",
  period: null,
  currency,
  calls: 1,
  inputTokens: 1,
  outputTokens: 1,
  costMicros,
  unpricedCalls: 0,
});

describe("spend", () => {
  it("defaults to this month so far, by team, in total", () => {
    expect(filtersOf(new URLSearchParams(), new Date("2026-12-07T10:00:00Z"))).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
      groupBy: "team",
      interval: "total",
    });
  });

  it("keeps what the address says and ignores what it cannot mean", () => {
    const filters = filtersOf(
      new URLSearchParams("from=2026-01-01&to=nope&groupBy=jurisdiction&interval=fortnight"),
      new Date("2026-12-07T10:00:00Z"),
    );
    expect(filters).toEqual({ from: "2026-01-01", to: "2026-12-07", groupBy: "jurisdiction", interval: "total" });
  });

  it("shows micros as money, with more decimals below one unit", () => {
    expect(formatCost(7_500, "USD")).toBe("$0.0075");
    expect(formatCost(2_000_000, "EUR")).toBe("€2.00");
    expect(formatCost(0, "USD")).toBe("$0.00");
    expect(formatCost(1_500_000, "XYZ")).toContain("1.50");
  });

  it("gives each item its share of its own currency's total", () => {
    const totals = [item("USD", 4_000), item("EUR", 0)];
    expect(costShare(item("USD", 1_000), totals)).toBe(25);
    expect(costShare(item("EUR", 0), totals)).toBe(0);
  });

  it("summarises an import, naming the ambiguous models", () => {
    expect(
      importSummary({
        entries: 3,
        imported: [],
        unchanged: ["a"],
        unmatched: ["b", "c"],
        ambiguous: [{ model: "d", entries: ["x/d", "y/d"] }],
      }),
    ).toBe(
      "0 models priced, 1 unchanged, 2 not in the map, 1 ambiguous (d): add their prices by hand; the map had 3 token-priced entries.",
    );
  });
});

describe("budgets", () => {
  const budget = (over: Partial<Budget>): Budget => ({
    id: "b",
    team: "research",
    vendor: null,
    currency: "USD",
    monthlyLimit: 10,
    onExceeded: "deny",
    month: "2026-12",
    spent: 1,
    percent: 10,
    state: "ok",
    ...over,
  });

  it("finds the budget a team and vendor already have", () => {
    const team = budget({ id: "team" });
    const vendor = budget({ id: "vendor", vendor: "openai" });
    expect(budgetFor([team, vendor], "research", "")?.id).toBe("team");
    expect(budgetFor([team, vendor], "research", "openai")?.id).toBe("vendor");
    expect(budgetFor([team, vendor], "sales", "")).toBeUndefined();
  });

  it("says what the decision does at each state", () => {
    expect(budgetStanding(budget({ state: "exceeded" }))).toBe("spent: decisions deny");
    expect(budgetStanding(budget({ state: "exceeded", onExceeded: "low-tier-only" }))).toBe(
      "spent: only low-cost models are allowed",
    );
    expect(budgetStanding(budget({ state: "warning" }))).toBe("80% or more: decisions warn");
    expect(budgetStanding(budget({}))).toBe("within budget");
  });
});

describe("dependency", () => {
  it("says which share is over which ceiling", () => {
    expect(
      breachLine({
        dimension: "jurisdiction",
        classification: "confidential",
        maxSharePercent: 60,
        key: "US",
        callShare: 75,
      }),
    ).toBe("jurisdiction US carries 75% of confidential calls (ceiling 60%)");
    expect(
      breachLine({ dimension: "vendor", classification: null, maxSharePercent: 50, key: "openai", callShare: 50.5 }),
    ).toBe("vendor openai carries 50.5% of all calls (ceiling 50%)");
    expect(
      breachLine({
        dimension: "operatorJurisdiction",
        classification: null,
        maxSharePercent: 50,
        key: "US",
        callShare: 80,
      }),
    ).toBe("operator jurisdiction US carries 80% of all calls (ceiling 50%)");
  });
});
