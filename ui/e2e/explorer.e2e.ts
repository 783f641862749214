import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, RUN_ID, userToken } from "./stack";

// A model no inventory holds: every decision about it is denied with model_unknown, and only this
// run's decisions name it, so searches for it find exactly what this spec made.
const MODEL = `e2e-explore-${RUN_ID}`;
const TEAM = "research";
const GATEWAY_DECISIONS = 3;
// Routes and aliases: a model of this run's own with one deployment, approved for a team of its own,
// and an alias whose only candidate is that deployment.
const ROUTED = {
  team: `e2e-explore-team-${RUN_ID}`,
  vendor: `e2e-explore-vendor-${RUN_ID}`,
  model: `e2e-explore-model-${RUN_ID}`,
  deployment: `e2e-explore-model-${RUN_ID}-eu`,
  alias: `e2e-explore-alias-${RUN_ID}`,
  endpoint: `https://llm-${RUN_ID}.acme.example/v1`,
};
const routedAsk = (model: string, deployment?: string) => ({
  team: ROUTED.team,
  model,
  purpose: "chat",
  dataClassification: "internal",
  region: "eu",
  ...(deployment ? { deployment } : {}),
});

let browser: Browser;
let newestGatewayDecision = "";
let aliasDecision = "";
let namedDeploymentDecision = "";

/** The team, vendor, model, deployment, approval and alias for the route and alias specs; then two gateway decisions. */
async function routedWorld(): Promise<void> {
  const alice = await userToken("alice");
  const dave = await userToken("dave");
  await ensure(dave, "/teams", ROUTED.team, { id: ROUTED.team, name: `Explorer team ${RUN_ID}` });
  await api(alice, "POST", "/vendors", { id: ROUTED.vendor, name: `Vendor ${ROUTED.vendor}`, jurisdiction: "FR" });
  await api(alice, "POST", "/models", {
    id: ROUTED.model,
    displayName: `Model ${ROUTED.model}`,
    vendor: ROUTED.vendor,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: ["fixture"],
    costTier: "low",
    status: "approved",
  });
  await api(alice, "POST", "/deployments", {
    id: ROUTED.deployment,
    model: ROUTED.model,
    operator: "self-hosted",
    operatorJurisdiction: "FR",
    regions: ["eu"],
    endpoint: ROUTED.endpoint,
    zeroDataRetention: true,
    trainsOnPrompts: false,
    status: "active",
  });
  const request = await api<{ id: string }>(dave, "POST", "/approval-requests", {
    team: ROUTED.team,
    model: ROUTED.model,
    purpose: "chat",
    maxDataClassification: "internal",
    regions: ["eu"],
    justification: "explorer spec",
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
  await api(alice, "POST", "/aliases", {
    id: ROUTED.alias,
    candidates: [{ model: ROUTED.model, deployment: ROUTED.deployment }],
  });
  const gateway = await gatewayToken("acme");
  // The approval and the alias reach the policy data just after their commit: ask until allowed.
  for (let i = 0; i < 30 && !aliasDecision; i++) {
    const answer = await api<{ decisionId: string; allow: boolean }>(
      gateway,
      "POST",
      "/decisions",
      routedAsk(ROUTED.alias),
    );
    if (answer.allow) aliasDecision = answer.decisionId;
    else await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (!aliasDecision) throw new Error(`the gateway was never allowed ${ROUTED.alias}`);
  namedDeploymentDecision = (
    await api<{ decisionId: string }>(gateway, "POST", "/decisions", routedAsk(ROUTED.model, ROUTED.deployment))
  ).decisionId;
}

beforeAll(async () => {
  await ensure(await userToken("dave"), "/teams", TEAM, { id: TEAM, name: "Research" });
  const gateway = await gatewayToken("acme");
  for (let i = 0; i < GATEWAY_DECISIONS; i++) {
    const answer = await api<{ decisionId: string }>(gateway, "POST", "/decisions", {
      team: TEAM,
      model: MODEL,
      purpose: "chat",
      dataClassification: "internal",
      region: "eu",
    });
    newestGatewayDecision = answer.decisionId;
  }
  await routedWorld();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await api(await userToken("alice"), "DELETE", `/aliases/${ROUTED.alias}`).catch(() => undefined);
});

describe("the decision explorer", () => {
  it("lets carol search by model and outcome and open a decision with its input, reasons and origin", async () => {
    const { context, page } = await signIn(browser, "carol", "/decisions");
    await page.locator("#explore-model").fill(MODEL);
    await page.locator("#explore-outcome").selectOption("deny");
    await page.getByTestId("explore-search").click();
    const table = page.getByTestId("decisions-table");
    await expect.poll(() => table.locator("tbody tr").count(), { timeout: 15_000 }).toBe(GATEWAY_DECISIONS);
    expect(page.url()).toContain(`model=${MODEL}`);
    // Newest first, and an auditor reads but never decides.
    expect(await table.locator("tbody tr").first().getAttribute("data-testid")).toBe(
      `decision-${newestGatewayDecision}`,
    );
    expect(await page.getByTestId("try-decision").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-explorer");

    await page.getByRole("link", { name: `decision ${newestGatewayDecision}` }).click();
    await page.getByTestId("decision-input").waitFor();
    const input = (await page.getByTestId("decision-input").textContent()) ?? "";
    expect(input).toContain(TEAM);
    expect(input).toContain(MODEL);
    expect(input).toContain("internal");
    expect(await page.getByTestId("decision-reasons").textContent()).toContain("model_unknown");
    const answer = (await page.getByTestId("decision-answer").textContent()) ?? "";
    expect(answer).toContain("Denied");
    expect(answer).toContain("acme-gateway");
    expect(answer).toContain("Portolan's decision API");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-detail");

    // Back keeps the search.
    await page.getByRole("link", { name: "Back to the decision explorer" }).click();
    await page.getByTestId("decisions-table").waitFor();
    await context.close();
  });

  it("lets carol list the decisions that carry an obligation and read it on the decision", async () => {
    // acme watch-lists the US for restricted data: llama-3.3-70b is allowed for it, with the obligation to record the use.
    const watched = await api<{ decisionId: string; obligations: { code: string }[] }>(
      await gatewayToken("acme"),
      "POST",
      "/decisions",
      {
        team: TEAM,
        model: "llama-3.3-70b",
        purpose: "chat",
        dataClassification: "restricted",
        region: "eu",
      },
    );
    expect(watched.obligations.map((o) => o.code)).toEqual(["jurisdiction_watchlisted"]);
    const { context, page } = await signIn(browser, "carol", "/decisions");
    await page.locator("#explore-model").fill("llama-3.3-70b");
    await page.locator("#explore-obligation").selectOption("jurisdiction_watchlisted");
    await page.getByTestId("explore-search").click();
    const row = page.getByTestId(`decision-${watched.decisionId}`);
    await row.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("obligation=jurisdiction_watchlisted");
    expect(await row.textContent()).toContain("jurisdiction_watchlisted");
    // The unfiltered list shows the same (newest) decision before the search answers: wait for the search's rows.
    const rows = page.getByTestId("decisions-table").locator("tbody tr");
    await expect
      .poll(async () => (await rows.allTextContents()).every((text) => text.includes("jurisdiction_watchlisted")), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole("link", { name: `decision ${watched.decisionId}` }).click();
    const obligations = page.getByTestId("decision-obligations");
    await obligations.waitFor();
    expect(await obligations.textContent()).toMatch(/jurisdiction_watchlisted.*record the use for review/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-obligations");
    await context.close();
  });

  it("shows carol the alias asked for and the deployment routed to, and filters by each", async () => {
    const { context, page } = await signIn(browser, "carol", "/decisions");
    await page.locator("#explore-alias").fill(ROUTED.alias);
    await page.getByTestId("explore-search").click();
    const row = page.getByTestId(`decision-${aliasDecision}`);
    await row.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`alias=${ROUTED.alias}`);
    const cells = page.getByTestId("decisions-table").locator("tbody tr");
    // The unfiltered list may show the same decision before the search answers: wait for the search's rows.
    await expect
      .poll(async () => (await cells.allTextContents()).every((text) => text.includes(ROUTED.alias)), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await row.locator("td[data-label='Model']").textContent()).toBe(ROUTED.model); // the model it resolved to
    expect(await row.locator("td[data-label='Alias']").textContent()).toBe(ROUTED.alias);
    expect(await row.locator("td[data-label='Deployment']").textContent()).toBe(ROUTED.deployment);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-explorer-alias");

    await page.locator("#explore-alias").fill("");
    await page.locator("#explore-deployment").fill(ROUTED.deployment);
    await page.getByTestId("explore-search").click();
    const named = page.getByTestId(`decision-${namedDeploymentDecision}`);
    await named.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain(`deployment=${ROUTED.deployment}`);
    expect(page.url()).not.toContain("alias=");
    expect(await row.count()).toBe(1); // routed there through the alias
    expect(await named.locator("td[data-label='Alias']").textContent()).toBe("—");
    await expect
      .poll(async () => (await cells.allTextContents()).every((text) => text.includes(ROUTED.deployment)), {
        timeout: 15_000,
      })
      .toBe(true);

    await page.getByRole("link", { name: `decision ${aliasDecision}` }).click();
    const input = page.getByTestId("decision-input");
    await input.waitFor();
    expect(await input.textContent()).toContain(`Alias${ROUTED.alias}`);
    expect(await input.textContent()).toContain(`resolved to ${ROUTED.model}`);
    expect(await page.getByTestId("decision-answer").textContent()).toContain(`Routed to${ROUTED.deployment}`);
    expect(await page.locator("pre").textContent()).toContain(`"model": "${ROUTED.alias}"`); // the input as the gateway sent it
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-detail-alias");
    await context.close();
  });

  it("tells carol what to do when nothing matches", async () => {
    const { context, page } = await signIn(browser, "carol", `/decisions?model=${MODEL}-none`);
    await page.getByTestId("explore-empty").waitFor();
    expect(await page.getByTestId("explore-empty").textContent()).toMatch(/No decision matches.*clear the filters/i);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it("lets alice try a decision: the real answer with its reasons, logged under her name", async () => {
    const { context, page } = await signIn(browser, "alice", "/decisions");
    await page.getByTestId("try-decision").click();
    await page.waitForURL(/\/decisions\/try$/);
    await expect
      .poll(() => page.locator("#try-team option").allTextContents(), { timeout: 15_000 })
      .toContain("Research (research)");
    await page.locator("#try-team").selectOption(TEAM);
    await page.locator("#try-model").fill(MODEL);
    await page.getByTestId("ask-decision").click();
    const answer = page.getByTestId("decision-answer");
    await answer.waitFor();
    expect(await answer.textContent()).toContain("Denied");
    expect(await page.getByTestId("answer-reasons").textContent()).toContain("model_unknown");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-try");

    await answer.getByRole("link", { name: "See it in the log" }).click();
    await page.getByTestId("decision-answer").waitFor();
    expect(await page.getByTestId("decision-answer").textContent()).toContain("alice (a person");
    await context.close();
  });

  it("lets alice name a deployment on the try page and shows the route and the alias's resolution", async () => {
    const { context, page } = await signIn(browser, "alice", "/decisions/try");
    await expect
      .poll(() => page.locator("#try-team option").allTextContents(), { timeout: 15_000 })
      .toContain(`Explorer team ${RUN_ID} (${ROUTED.team})`);
    await page.locator("#try-team").selectOption(ROUTED.team);
    await page.locator("#try-model").fill(ROUTED.alias);
    await page.locator("#try-deployment").fill(ROUTED.deployment);
    await page.getByTestId("ask-decision").click();
    const route = page.getByTestId("answer-route");
    await route.waitFor();
    expect(await page.getByTestId("decision-answer").textContent()).toContain("Allowed");
    expect(await page.getByTestId("answer-alias").textContent()).toContain(
      `alias ${ROUTED.alias} resolved to ${ROUTED.model}`,
    );
    const terms = await route.locator("dt, dd").allTextContents();
    expect(terms).toEqual([
      "Deployment",
      ROUTED.deployment,
      "Model",
      ROUTED.model,
      "Operator",
      "self-hosted",
      "Operator jurisdiction",
      "FR",
      "Region",
      "eu",
      "Endpoint",
      ROUTED.endpoint,
    ]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-try-route");

    // A deployment of another model: denied with its reason, and no route.
    await page.locator("#try-model").fill(ROUTED.model);
    await page.locator("#try-deployment").fill("llama-3.3-70b");
    await page.getByTestId("ask-decision").click();
    await expect.poll(() => page.getByTestId("answer-reasons").textContent()).toContain("deployment_unknown");
    expect(await route.count()).toBe(0);
    expect(await page.getByTestId("answer-alias").count()).toBe(0);
    await context.close();
  });

  it("shows the API's validation error as a sentence on the field, never raw JSON", async () => {
    const { context, page } = await signIn(browser, "alice", "/decisions/try");
    await expect.poll(() => page.locator("#try-team option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await page.locator("#try-team").selectOption(TEAM);
    await page.locator("#try-model").fill("Not A Slug!");
    await page.getByTestId("ask-decision").click();
    await page.getByTestId("error-alert").waitFor();
    expect(await page.getByTestId("error-alert").textContent()).not.toContain("{");
    expect(await page.locator("#try-model-helper").textContent()).toMatch(/lower-case/);
    await context.close();
  });

  it("counts the rows of an audit export as they stream in", async () => {
    const { context, page } = await signIn(browser, "carol", "/audit");
    await page.locator("#audit-model").fill(MODEL);
    await page.locator("#audit-format").selectOption("ndjson");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(download.suggestedFilename()).toMatch(/\.ndjson$/);
    // Three gateway decisions and alice's tried one; the failed try was refused, not logged.
    await expect
      .poll(() => page.getByTestId("download-result").textContent(), { timeout: 15_000 })
      .toMatch(/: 4 rows, [\d.]+ (bytes|kB)\./);
    await context.close();
  });
});
