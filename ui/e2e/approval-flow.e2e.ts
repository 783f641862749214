import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, SCREENSHOTS, signIn } from "./browser";
import { api, ensure, gatewayToken, RUN_ID, userToken } from "./stack";

// Data this spec makes for tenant acme, with ids no other run uses.
const VENDOR = `e2e-vendor-${RUN_ID}`;
const MODEL = `e2e-model-${RUN_ID}`;
const TEAM = "research"; // bob's team in the realm
const PURPOSE = "chat";
const EXPIRY = `${new Date().getUTCFullYear() + 1}-06-30`;
const DECISION = { team: TEAM, model: MODEL, purpose: PURPOSE, dataClassification: "internal", region: "eu" };
// The demo's DeepSeek V3 runs twice (db/demo): on acme's own EU cluster and on DeepSeek's API in China.
const DEMO_MODEL = "deepseek-v3";
const OWN_CLUSTER = "deepseek-v3-acme-eu";
const DEEPSEEK_API = "deepseek-v3";

interface DecisionAnswer {
  decisionId: string;
  allow: boolean;
  reasons: { code: string }[];
}

let browser: Browser;
let requestId = "";
let allowedDecisionId = "";
let deploymentRequestId = "";

beforeAll(async () => {
  const dave = await userToken("dave");
  const alice = await userToken("alice");
  await ensure(dave, "/teams", TEAM, { id: TEAM, name: "Research" });
  await api(alice, "POST", "/vendors", { id: VENDOR, name: `E2E vendor ${RUN_ID}`, jurisdiction: "FR" });
  await api(alice, "POST", "/models", {
    id: MODEL,
    displayName: `E2E model ${RUN_ID}`,
    vendor: VENDOR,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: ["chat"],
    costTier: "low",
    status: "approved",
  });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // The request for the demo's model stays undecided: withdrawn, it leaves acme's queue as it was.
  if (deploymentRequestId) {
    await api(await userToken("bob"), "POST", `/approval-requests/${deploymentRequestId}/withdraw`).catch(
      () => undefined,
    );
  }
});

async function decide(): Promise<DecisionAnswer> {
  return api<DecisionAnswer>(await gatewayToken("acme"), "POST", "/decisions", DECISION);
}

describe("an approval from request to decision to audit", () => {
  it("denies the gateway before any approval", async () => {
    const answer = await decide();
    expect(answer.allow).toBe(false);
  });

  it("lets bob submit a request through the UI", async () => {
    const { context, page } = await signIn(browser, "bob", "/approvals");
    await page.getByTestId("new-request").click();
    await page.locator("#team").selectOption(TEAM);
    await page.locator("#model").selectOption(MODEL);
    await page.locator("#purpose").fill(PURPOSE);
    await page.locator("#classification").selectOption("internal");
    await page.locator("#regions").fill("eu");
    await page.locator("#justification").fill("Summaries of public research papers");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "approval-request-new");
    await page.getByTestId("submit-request").click();
    await page.waitForURL(/\/approvals\/requests\//);
    requestId = decodeURIComponent(page.url().split("/").pop() ?? "");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("pending");
    expect(await page.getByTestId("history").textContent()).toContain("bob");
    await screenshot(page, "approval-request-submitted");

    // He tracks it in his list.
    await page.getByRole("navigation", { name: "Screens" }).getByRole("link", { name: "Approval requests" }).click();
    await page.getByLabel("Filter approval requests").fill(MODEL);
    await page.getByTestId(`row-${requestId}`).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it("shows a server validation error on its field", async () => {
    const { context, page } = await signIn(browser, "bob", "/approvals/new");
    await page.locator("#model").selectOption(MODEL);
    await page.locator("#purpose").fill("Not A Slug!");
    await page.locator("#justification").fill("x");
    await page.getByTestId("submit-request").click();
    await expect.poll(() => page.locator("#purpose-helper").textContent()).toMatch(/lower-case/);
    expect(await page.getByTestId("error-alert").textContent()).not.toContain("{");
    await context.close();
  });

  it("lets alice approve it from the queue with an expiry", async () => {
    const { context, page } = await signIn(browser, "alice", "/approvals");
    await page.getByLabel("Filter approval requests").fill(MODEL);
    const row = page.getByTestId(`row-${requestId}`);
    await row.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "approval-queue");
    await row.getByRole("link").click();
    await page.getByTestId("findings").waitFor();
    await page.locator("#decision-expiry").fill(EXPIRY);
    await page.locator("#decision-comment").fill("Fine for public papers");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "approval-request-review");
    await page.getByTestId("approve").click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("approved");
    expect(await page.getByTestId("history").textContent()).toContain("alice");

    // The approval carries the expiry she chose.
    await page.goto(page.url().replace(/\/approvals\/.*/, "/approvals"));
    await page.getByRole("tab", { name: "Active approvals" }).click();
    const approvals = page.getByTestId("approvals-table");
    await expect.poll(() => approvals.textContent()).toContain(MODEL);
    expect(await approvals.textContent()).toContain(`${EXPIRY} 23:59 UTC`);
    await context.close();
  });

  it("flips the gateway's decision to allow", async () => {
    // Portolan pushes the approval to OPA after the commit: allow it a few seconds.
    let answer = await decide();
    await expect.poll(async () => (answer = await decide()).allow, { timeout: 15_000, interval: 500 }).toBe(true);
    expect(answer.reasons).toEqual([]);
    allowedDecisionId = answer.decisionId;
  });

  it("lets carol download the decisions CSV with the decision in it", async () => {
    const { context, page } = await signIn(browser, "carol", "/audit");
    await page.locator("#audit-model").fill(MODEL);
    expect(await accessibilityProblems(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    const file = `${SCREENSHOTS}decisions-${RUN_ID}.csv`;
    await download.saveAs(file);
    const csv = readFileSync(file, "utf8");
    expect(csv.split("\n")[0]).toContain("id,");
    const row = csv.split("\n").find((line) => line.startsWith(allowedDecisionId));
    expect(row, `decision ${allowedDecisionId} in the CSV`).toBeDefined();
    expect(row).toContain(",true,");

    // Other suites tamper with the shared stack's log on purpose, so the screen must say what
    // the API says for the same window, plainly either way.
    await page.getByTestId("verify").click();
    await page.getByTestId("verify-result").waitFor();
    const shown = (await page.getByTestId("verify-result").textContent()) ?? "";
    const truth = await api<{ verified: boolean }>(await userToken("carol"), "GET", "/audit/verify");
    expect(shown).toContain(truth.verified ? "The decisions log is intact" : "The decisions log has been altered");
    expect(shown).toMatch(/[\d,]+ entries checked/);
    await screenshot(page, "audit");
    await context.close();
  });

  it("lets alice reject a request with a comment", async () => {
    const bob = await userToken("bob");
    const rejected = await api<{ id: string }>(bob, "POST", "/approval-requests", {
      team: TEAM,
      model: MODEL,
      purpose: "code",
      maxDataClassification: "internal",
      regions: ["eu"],
      justification: "Code review",
    });
    const { context, page } = await signIn(browser, "alice", `/approvals/requests/${rejected.id}`);
    await page.locator("#decision-comment").fill("Use the approved chat model instead");
    await page.getByTestId("reject").click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("rejected");
    expect(await page.getByTestId("history").textContent()).toContain("Use the approved chat model instead");
    await context.close();
  });

  it("lets bob withdraw a pending request of his", async () => {
    const withdrawn = await api<{ id: string }>(await userToken("bob"), "POST", "/approval-requests", {
      team: TEAM,
      model: MODEL,
      purpose: "translate",
      maxDataClassification: "public",
      regions: ["eu"],
      justification: "Maybe later",
    });
    const { context, page } = await signIn(browser, "bob", `/approvals/requests/${withdrawn.id}`);
    await page.getByTestId("withdraw").click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("withdrawn");
    expect(await page.getByTestId("withdraw").count()).toBe(0);
    await context.close();
  });

  it("lets alice revoke the approval, and the gateway is refused again", async () => {
    const { context, page } = await signIn(browser, "alice", "/approvals");
    await page.getByRole("tab", { name: "Active approvals" }).click();
    await page.getByRole("button", { name: `Revoke ${TEAM} ${MODEL} ${PURPOSE}` }).click();
    await page.locator("#revoke-reason").fill("Vendor contract ended");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "approval-revoke-dialog");
    await page.getByTestId("confirm-revoke").click();
    await expect.poll(() => page.getByRole("button", { name: `Revoke ${TEAM} ${MODEL} ${PURPOSE}` }).count()).toBe(0);
    await context.close();
    // Portolan pushes the change to OPA after the commit: allow it a few seconds.
    await expect.poll(async () => (await decide()).allow, { timeout: 15_000, interval: 500 }).toBe(false);
  });

  it("shows frank (globex) none of acme's data", async () => {
    const { context, page } = await signIn(browser, "frank", "/approvals");
    await expect.poll(() => page.getByTestId("masthead-tenant").textContent()).toContain("globex");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("main").textContent()).not.toContain(MODEL);
    expect(await page.getByTestId(`row-${requestId}`).count()).toBe(0);
    const nav = page.getByRole("navigation", { name: "Screens" });
    expect(await nav.getByRole("link").allTextContents()).not.toContain("Audit");
    // The request itself, asked for by id, is not found for him.
    await page.goto(page.url().replace(/\/approvals.*/, `/approvals/requests/${requestId}`));
    await expect.poll(() => page.getByTestId("error-alert").textContent()).toMatch(/does not exist|not found/i);
    await screenshot(page, "globex-frank-foreign-request");
    await context.close();
  });
});

describe("an approval request naming a deployment", () => {
  it("lets bob ask for DeepSeek V3 on acme's own EU cluster only, and shows it in the detail and to the officer", async () => {
    const { context, page } = await signIn(browser, "bob", "/approvals/new");
    await page.locator("#team").selectOption(TEAM);
    await page.locator("#model").selectOption(DEMO_MODEL);
    // Once the model is chosen its deployments are listed, none checked: any deployment of it.
    const own = page.locator(`#request-deployment-${OWN_CLUSTER}`);
    await own.waitFor();
    const listed = await page.getByRole("group", { name: "Deployments" }).textContent();
    expect(listed).toContain(`${OWN_CLUSTER}self-hosted, FR; eu`);
    expect(listed).toContain(`${DEEPSEEK_API}deepseek, CN; apac, cn`);
    expect(await own.isChecked()).toBe(false);
    await own.check();
    expect(await page.locator(`#request-deployment-${DEEPSEEK_API}`).isChecked()).toBe(false);
    await page.locator("#purpose").fill(PURPOSE);
    await page.locator("#classification").selectOption("internal");
    await page.locator("#regions").fill("eu");
    await page.locator("#justification").fill("Only on our own EU cluster, never through DeepSeek's API");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "approval-request-new-deployment");
    await page.getByTestId("submit-request").click();
    await page.waitForURL(/\/approvals\/requests\//);
    deploymentRequestId = decodeURIComponent(page.url().split("/").pop() ?? "");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("pending");
    const summary = (await page.getByTestId("request-summary").textContent()) ?? "";
    expect(summary).toContain(OWN_CLUSTER);
    expect(summary).not.toContain("Any deployment");
    await screenshot(page, "approval-request-deployment-submitted");
    await context.close();

    // The screen said it; the API must agree.
    const stored = await api<{ deployments: string[] }>(
      await userToken("bob"),
      "GET",
      `/approval-requests/${deploymentRequestId}`,
    );
    expect(stored.deployments).toEqual([OWN_CLUSTER]);

    // alice may narrow the approval only among the deployments bob named.
    const officer = await signIn(browser, "alice", `/approvals/requests/${deploymentRequestId}`);
    await officer.page.locator(`#decision-deployment-${OWN_CLUSTER}`).waitFor();
    expect(await officer.page.locator(`#decision-deployment-${DEEPSEEK_API}`).count()).toBe(0);
    expect(await officer.page.getByTestId("request-summary").textContent()).toContain(OWN_CLUSTER);
    expect(await accessibilityProblems(officer.page)).toEqual([]);
    await screenshot(officer.page, "approval-request-deployment-review");
    await officer.context.close();
  });
});
