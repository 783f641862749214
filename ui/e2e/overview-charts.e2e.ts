import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCost } from "../src/features/spend/spend";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

// Tenant acme, with a team, vendor, model and deployment of this run's own, approved for the team: its
// allowed calls cost what this spec reports, and no other run's spend lands on its team, vendor
// jurisdiction (FI) or operator jurisdiction (IS). Denials name a model no inventory holds (model_unknown).
const TEAM = `e2e-charts-team-${RUN_ID}`;
const VENDOR = `e2e-charts-vendor-${RUN_ID}`;
const MODEL = `e2e-charts-model-${RUN_ID}`;
const DEPLOYMENT = `e2e-charts-model-${RUN_ID}-eu`;
const UNKNOWN = `e2e-charts-unknown-${RUN_ID}`;
const ALLOWED = 2;
const DENIED = 3;
const COST_MICROS = 1_250_000; // per call: 2 calls are $2.50 (no price, so USD)
const TODAY = new Date().toISOString().slice(0, 10);

let browser: Browser;

const ask = (model: string) => ({ team: TEAM, model, purpose: "chat", dataClassification: "internal", region: "eu" });

interface SearchPage {
  total: number;
}

/** Today's totals of one outcome, as the API says them now (other specs may add more meanwhile, never fewer). */
async function todays(outcome: "allow" | "deny"): Promise<number> {
  const from = `${TODAY}T00:00:00Z`;
  const to = new Date(Date.parse(from) + 24 * 3600 * 1000).toISOString();
  const page = await api<SearchPage>(
    await userToken("alice"),
    "GET",
    `/audit/decisions/search?from=${from}&to=${to}&outcome=${outcome}&size=1`,
  );
  return page.total;
}

/** This month's cost of one key in USD, as the API says it now: the FI and IS rows also hold earlier runs' calls. */
async function costOf(groupBy: string, key: string): Promise<string> {
  const report = await api<{ items: { key: string; currency: string; costMicros: number }[] }>(
    await userToken("alice"),
    "GET",
    `/spend?groupBy=${groupBy}`,
  );
  return formatCost(report.items.find((i) => i.key === key && i.currency === "USD")?.costMicros ?? 0, "USD");
}

const number = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/,/g, ""));

beforeAll(async () => {
  const alice = await userToken("alice");
  const dave = await userToken("dave");
  await ensure(dave, "/teams", TEAM, { id: TEAM, name: `Charts team ${RUN_ID}` });
  await api(alice, "POST", "/vendors", { id: VENDOR, name: `Vendor ${VENDOR}`, jurisdiction: "FI" });
  await api(alice, "POST", "/models", {
    id: MODEL,
    displayName: `Model ${MODEL}`,
    vendor: VENDOR,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: ["fixture"],
    costTier: "low",
    status: "approved",
  });
  await api(alice, "POST", "/deployments", {
    id: DEPLOYMENT,
    model: MODEL,
    operator: "self-hosted",
    operatorJurisdiction: "IS",
    regions: ["eu"],
    endpoint: `https://llm-${RUN_ID}.acme.example/v1`,
    zeroDataRetention: true,
    trainsOnPrompts: false,
    status: "active",
  });
  const request = await api<{ id: string }>(dave, "POST", "/approval-requests", {
    team: TEAM,
    model: MODEL,
    purpose: "chat",
    maxDataClassification: "internal",
    regions: ["eu"],
    justification: "overview charts spec",
  });
  for (const officer of ["alice", "olivia"]) {
    const decided = await api<{ status: string }>(
      await userToken(officer),
      "POST",
      `/approval-requests/${request.id}/decision`,
      { outcome: "approve" },
    );
    if (decided.status === "approved") break;
  }
  const gateway = await gatewayToken("acme");
  // The approval reaches the policy data just after its commit: ask until allowed.
  const allowed: string[] = [];
  for (let i = 0; i < 40 && allowed.length < ALLOWED; i++) {
    const answer = await api<{ decisionId: string; allow: boolean }>(gateway, "POST", "/decisions", {
      ...ask(MODEL),
      deployment: DEPLOYMENT,
    });
    if (answer.allow) allowed.push(answer.decisionId);
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (allowed.length < ALLOWED) throw new Error(`the gateway was never allowed ${MODEL}`);
  for (let i = 0; i < DENIED; i++) await api(gateway, "POST", "/decisions", ask(UNKNOWN));
  for (const decisionId of allowed) {
    await api(gateway, "POST", "/usage", {
      decisionId,
      model: MODEL,
      inputTokens: 100,
      outputTokens: 50,
      latencyMs: 80,
      costMicros: COST_MICROS,
    });
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("the overview's charts", () => {
  it("show alice decisions per day, deny reasons and this month's spend, each with its numbers and links", async () => {
    const [allowedBefore, deniedBefore] = [await todays("allow"), await todays("deny")];
    const [vendorCost, operatorCost] = [await costOf("jurisdiction", "FI"), await costOf("operatorJurisdiction", "IS")];
    expect(vendorCost).not.toBe("$0.00");
    const { context, page } = await signIn(browser, "alice");
    await page.getByTestId(`decisions-day-${TODAY}`).waitFor();
    expect(await number(page, `allowed-${TODAY}`)).toBeGreaterThanOrEqual(Math.max(allowedBefore, ALLOWED));
    expect(await number(page, `denied-${TODAY}`)).toBeGreaterThanOrEqual(Math.max(deniedBefore, DENIED));
    expect(await page.getByTestId("decisions-per-day").locator("tbody tr").count()).toBe(14);
    expect(await page.locator('[data-testid="chart-decisions"] svg title').first().textContent()).toContain(
      "Decisions allowed and denied per day",
    );

    await page.getByTestId("reason-model_unknown").waitFor();
    const unknown = (await page.getByTestId("reason-model_unknown").locator("td").nth(1).textContent()) ?? "";
    expect(Number(unknown.replace(/,/g, ""))).toBeGreaterThanOrEqual(DENIED);
    expect(await page.getByTestId("reasons-scope").textContent()).toMatch(/denials/);

    const team = page.getByTestId(`spend-team-${TEAM}-USD`);
    await team.waitFor();
    expect(await team.textContent()).toBe(`${TEAM}$2.50${ALLOWED}`);
    expect(await page.getByTestId("spend-jurisdiction-FI-USD").textContent()).toContain(vendorCost);
    expect(await page.getByTestId("spend-operatorJurisdiction-IS-USD").textContent()).toContain(operatorCost);

    expect(await page.getByTestId("chart-empty").count()).toBe(0);
    expect(await page.getByTestId("error-alert").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "overview-charts");

    // A bar opens the explorer on its day and outcome: the last red bar (not the legend's symbol) is today's denials.
    await page
      .locator('[data-testid="chart-decisions"] svg path[style*="fill: rgb(201, 25, 11)"][style*="cursor: pointer"]')
      .last()
      .click();
    await page.waitForURL((url) => url.pathname === "/decisions");
    const explorer = new URL(page.url());
    expect(Object.fromEntries(explorer.searchParams)).toMatchObject({ from: TODAY, to: TODAY, outcome: "deny" });
    await expect
      .poll(() => page.getByTestId("decisions-table").locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

    // The table's links lead there too, and to the spend screen over this month.
    await page.goto(PORTOLAN_URL + "/");
    await page.getByRole("link", { name: `${TEAM}: spend this month` }).click();
    await page.waitForURL((url) => url.pathname === "/spend");
    expect(page.url()).toContain("groupBy=team");
    await page.getByTestId(`spend-row-${TEAM}-USD`).waitFor();
    expect(await page.getByTestId(`spend-row-${TEAM}-USD`).textContent()).toContain("$2.50");
    await context.close();
  });

  it("show the auditor both, and a requester neither", async () => {
    const auditor = await signIn(browser, "carol");
    await auditor.page.getByTestId("decisions-per-day").waitFor();
    await auditor.page.getByTestId(`spend-team-${TEAM}-USD`).waitFor();
    expect(await accessibilityProblems(auditor.page)).toEqual([]);
    await auditor.context.close();

    const requester = await signIn(browser, "bob");
    await requester.page.getByTestId("card-pending").waitFor();
    expect(await requester.page.getByTestId("overview-charts").count()).toBe(0);
    expect(await requester.page.getByTestId("error-alert").count()).toBe(0);
    await requester.context.close();
  });
});
