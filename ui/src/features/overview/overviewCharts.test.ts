import { describe, expect, it } from "vitest";
import {
  bucketByDay,
  countReasons,
  currencies,
  dayCountPath,
  dayWindow,
  explorerLink,
  lastDays,
  microsToAmount,
  monthToDate,
  noDecisions,
  reasonsScope,
  spendBars,
  spendLink,
  topSpendKeys,
} from "./overviewCharts";
import { filtersFromSearch } from "../decisions/explorer";
import { filtersOf, type SpendItem } from "../spend/spend";

const item = (key: string | null, currency: string, costMicros: number, calls = 1): SpendItem => ({
  key,
  currency,
  calls,
  inputTokens: 0,
  outputTokens: 0,
  costMicros,
  unpricedCalls: 0,
});

describe("the overview charts", () => {
  it("takes the last days in UTC, oldest first, across a month's end", () => {
    expect(lastDays(3, new Date("2026-12-02T23:30:00-05:00"))).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(lastDays(14, new Date("2026-03-05T10:00:00Z"))[0]).toBe("2026-02-20");
    expect(lastDays(14)).toHaveLength(14);
  });

  it("asks for one day's total of one outcome, the day's end exclusive", () => {
    expect(dayWindow("2026-02-28")).toEqual({ from: "2026-02-28T00:00:00.000Z", to: "2026-03-01T00:00:00.000Z" });
    const path = dayCountPath("2026-12-07", "deny");
    expect(path.startsWith("/api/v1/audit/decisions/search?")).toBe(true);
    const params = new URLSearchParams(path.split("?")[1]);
    expect(Object.fromEntries(params)).toEqual({
      from: "2026-12-07T00:00:00.000Z",
      to: "2026-12-08T00:00:00.000Z",
      outcome: "deny",
      size: "1",
    });
  });

  it("buckets the totals per day, with zero for a day without any and none for a day outside", () => {
    const counts = bucketByDay(
      ["2026-12-06", "2026-12-07"],
      [
        { day: "2026-12-07", outcome: "allow", total: 5 },
        { day: "2026-12-07", outcome: "deny", total: 2 },
        { day: "2026-11-01", outcome: "deny", total: 9 },
      ],
    );
    expect(counts).toEqual([
      { day: "2026-12-06", allowed: 0, denied: 0 },
      { day: "2026-12-07", allowed: 5, denied: 2 },
    ]);
    expect(noDecisions(counts)).toBe(false);
    expect(noDecisions(bucketByDay(["2026-12-06"], []))).toBe(true);
  });

  it("links to the explorer with the filters its address already reads", () => {
    const link = explorerLink("allow", "2026-12-07");
    expect(link).toBe("/decisions?from=2026-12-07&to=2026-12-07&outcome=allow");
    expect(filtersFromSearch(new URLSearchParams(link.split("?")[1]))).toMatchObject({
      from: "2026-12-07",
      to: "2026-12-07",
      outcome: "allow",
    });
    expect(explorerLink("deny", "2026-11-30", "2026-12-07")).toBe(
      "/decisions?from=2026-11-30&to=2026-12-07&outcome=deny",
    );
  });

  it("counts each reason code once per denial, most first, ties by name, the top ones only", () => {
    const denial = (...codes: string[]) => ({ reasons: codes.map((code) => ({ code })) });
    const denials = [
      denial("model_unknown"),
      denial("model_unknown"),
      denial("budget_exceeded", "budget_exceeded"),
      denial("approval_missing", "model_unknown"),
      denial(),
    ];
    expect(countReasons(denials)).toEqual([
      ["model_unknown", 3],
      ["approval_missing", 1],
      ["budget_exceeded", 1],
    ]);
    expect(countReasons(denials, 1)).toEqual([["model_unknown", 3]]);
    expect(countReasons([])).toEqual([]);
  });

  it("says whether the reasons come from every denial or only the newest", () => {
    expect(reasonsScope(3, 3, 7)).toBe("all 3 denials of the last 7 days");
    expect(reasonsScope(1, 1, 7)).toBe("all 1 denial of the last 7 days");
    expect(reasonsScope(500, 1234, 7)).toBe("the last 500 denials (of 1,234 in the last 7 days)");
  });

  it("converts micros to amounts of the currency", () => {
    expect(microsToAmount(1_250_000)).toBe(1.25);
    expect(microsToAmount(7_500)).toBe(0.0075);
    expect(microsToAmount(0)).toBe(0);
  });

  it("orders spend bars by cost, names an empty key unknown and keeps currencies apart", () => {
    const bars = spendBars([
      item("a", "USD", 1_000_000),
      item("", "EUR", 3_000_000, 4),
      item("b", "USD", 2_000_000),
      item("a", "EUR", 500_000),
    ]);
    expect(bars.map((b) => [b.key, b.currency, b.amount])).toEqual([
      ["unknown", "EUR", 3],
      ["b", "USD", 2],
      ["a", "USD", 1],
      ["a", "EUR", 0.5],
    ]);
    expect(topSpendKeys(bars)).toEqual(["unknown", "b", "a"]);
    expect(topSpendKeys(bars, 2)).toEqual(["unknown", "b"]);
    expect(currencies(bars)).toEqual(["EUR", "USD"]);
    expect(spendBars([])).toEqual([]);
  });

  it("links to the spend screen over this month with the grouping it reads", () => {
    const month = monthToDate(new Date("2026-12-07T10:00:00Z"));
    expect(month).toEqual({ from: "2026-12-01", to: "2026-12-07" });
    const link = spendLink("jurisdiction", month);
    expect(link).toBe("/spend?groupBy=jurisdiction&from=2026-12-01&to=2026-12-07");
    expect(filtersOf(new URLSearchParams(link.split("?")[1]))).toMatchObject({
      groupBy: "jurisdiction",
      from: "2026-12-01",
      to: "2026-12-07",
    });
    expect(spendLink(undefined, month)).toBe("/spend?from=2026-12-01&to=2026-12-07");
  });
});
