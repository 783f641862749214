import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, RUN_ID, userToken } from "./stack";

// A model no inventory holds: every decision about it is denied with model_unknown, and only this
// run's decisions name it, so searches for it find exactly what this spec made.
const MODEL = `e2e-explore-${RUN_ID}`;
const TEAM = "research";
const GATEWAY_DECISIONS = 3;

let browser: Browser;
let newestGatewayDecision = "";

beforeAll(async () => {
  await ensure(await userToken("dave"), "/teams", TEAM, { id: TEAM, name: "Research" });
  const gateway = await gatewayToken("acme");
  for (let i = 0; i < GATEWAY_DECISIONS; i++) {
    const answer = await api<{ decisionId: string }>(gateway, "POST", "/decisions", {
      team: TEAM, model: MODEL, purpose: "chat", dataClassification: "internal", region: "eu",
    });
    newestGatewayDecision = answer.decisionId;
  }
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
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
    expect(await table.locator("tbody tr").first().getAttribute("data-testid")).toBe(`decision-${newestGatewayDecision}`);
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
    const watched = await api<{ decisionId: string; obligations: { code: string }[] }>(await gatewayToken("acme"), "POST", "/decisions", {
      team: TEAM, model: "llama-3.3-70b", purpose: "chat", dataClassification: "restricted", region: "eu",
    });
    expect(watched.obligations.map((o) => o.code)).toEqual(["jurisdiction_watchlisted"]);
    const { context, page } = await signIn(browser, "carol", "/decisions");
    await page.locator("#explore-model").fill("llama-3.3-70b");
    await page.locator("#explore-obligation").selectOption("jurisdiction_watchlisted");
    await page.getByTestId("explore-search").click();
    const row = page.getByTestId(`decision-${watched.decisionId}`);
    await row.waitFor({ timeout: 15_000 });
    expect(page.url()).toContain("obligation=jurisdiction_watchlisted");
    expect(await row.textContent()).toContain("jurisdiction_watchlisted");
    const rows = await page.getByTestId("decisions-table").locator("tbody tr").allTextContents();
    expect(rows.every((text) => text.includes("jurisdiction_watchlisted"))).toBe(true);
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.getByRole("link", { name: `decision ${watched.decisionId}` }).click();
    const obligations = page.getByTestId("decision-obligations");
    await obligations.waitFor();
    expect(await obligations.textContent()).toMatch(/jurisdiction_watchlisted.*record the use for review/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "decision-obligations");
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
    await expect.poll(() => page.locator("#try-team option").allTextContents(), { timeout: 15_000 }).toContain("Research (research)");
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
    await expect.poll(() => page.getByTestId("download-result").textContent(), { timeout: 15_000 }).toMatch(/: 4 rows, [\d.]+ (bytes|kB)\./);
    await context.close();
  });
});
