import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, RUN_ID, userToken } from "./stack";

// Tenant initech, so that publishing never changes what the acme specs decide. ivan is its
// officer and tenant admin; ian, its other tenant admin, asks for the approval ivan grants.
const OFFICER = "ivan";
const ADMIN = "ian";
const TEAM = `e2e-pol-team-${RUN_ID}`;
const VENDOR = `e2e-pol-vendor-${RUN_ID}`;
const MODEL = `e2e-pol-model-${RUN_ID}`;
// Small countries; the spec denies one that no vendor of initech has yet, so that only this run's
// decisions flip (earlier runs on the same stack left vendors behind) and a run that died half-way
// cannot break the next.
const COUNTRIES =
  "AD AG AI AW BB BM BN BT BZ CK DM FJ FO GD GI GL GU IS KI KN KY LC LI LU MC MH MO MS MT MV NR NU PW SB SC SM ST TC TO TV VC VG VU WS".split(
    " ",
  );
let JURISDICTION = "";
const DECISION = { team: TEAM, model: MODEL, purpose: "chat", dataClassification: "internal", region: "eu" };
const DENIED_INTERNAL = "#setting-deniedJurisdictions-internal";

interface Settings {
  deniedJurisdictions: Record<string, string[]>;
}
interface Revision {
  number: number;
  hash: string;
}

let browser: Browser;
let originalDraft: Settings;
let baseline: Revision; // the revision in force before the spec, which it rolls back to

const decide = async () =>
  api<{ allow: boolean; reasons: { code: string }[] }>(await gatewayToken("initech"), "POST", "/decisions", DECISION);

beforeAll(async () => {
  const ivan = await userToken(OFFICER);
  const ian = await userToken(ADMIN);
  const used = new Set(
    (await api<{ items: { jurisdiction: string }[] }>(ivan, "GET", "/vendors?size=500")).items.map(
      (v) => v.jurisdiction,
    ),
  );
  const unused = COUNTRIES.filter((c) => !used.has(c));
  JURISDICTION = unused.length > 0 ? unused[0] : COUNTRIES[Math.floor(Math.random() * COUNTRIES.length)];
  await ensure(ivan, "/teams", TEAM, { id: TEAM, name: `Policy team ${RUN_ID}` });
  await api(ivan, "POST", "/vendors", { id: VENDOR, name: `Policy vendor ${RUN_ID}`, jurisdiction: JURISDICTION });
  await api(ivan, "POST", "/models", {
    id: MODEL,
    displayName: `Policy model ${RUN_ID}`,
    vendor: VENDOR,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: ["chat"],
    costTier: "low",
    status: "approved",
  });
  const request = await api<{ id: string }>(ian, "POST", "/approval-requests", {
    team: TEAM,
    model: MODEL,
    purpose: "chat",
    maxDataClassification: "internal",
    regions: ["eu"],
    justification: "policy spec",
  });
  await api(ivan, "POST", `/approval-requests/${request.id}/decision`, { outcome: "approve" });

  originalDraft = await api<Settings>(ivan, "GET", "/policy/settings");
  let revisions = await api<Revision[]>(ivan, "GET", "/policy/revisions");
  if (revisions.length === 0) {
    // Nothing to roll back to yet: publish what the tenant has as the baseline.
    await api(ivan, "POST", "/policy/revisions");
    revisions = await api<Revision[]>(ivan, "GET", "/policy/revisions");
  }
  baseline = revisions[0];
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // Leave initech as it was, whatever happened above: the baseline in force, the draft as it was.
  const ivan = await userToken(OFFICER);
  const [latest] = await api<Revision[]>(ivan, "GET", "/policy/revisions");
  if (baseline && latest.hash !== baseline.hash)
    await api(ivan, "POST", `/policy/revisions/${baseline.number}/rollback`);
  await api(ivan, "PUT", "/policy/settings", originalDraft);
});

describe("the policy screen", () => {
  it("starts with the gateway allowed the model, a decision the impact analysis replays", async () => {
    // Portolan pushes the approval to OPA after the commit: allow it a few seconds.
    await expect.poll(async () => (await decide()).allow, { timeout: 15_000, interval: 500 }).toBe(true);
  });

  it("lets ivan edit the draft, with the server's errors on the field, and shows how it differs from what is published", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/policy");
    const denied = page.locator(DENIED_INTERNAL);
    await denied.waitFor();
    const before = await denied.inputValue();
    await denied.fill([before, "Narnia"].filter(Boolean).join(", "));
    await page.getByTestId("save-draft").click();
    await expect.poll(() => page.locator(`${DENIED_INTERNAL}-helper`).textContent()).toMatch(/ISO 3166/);
    const alert = (await page.getByTestId("error-alert").textContent()) ?? "";
    expect(alert).toContain("Denied jurisdictions · internal");
    expect(alert).not.toContain("{");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-draft-error");

    await denied.fill([before, JURISDICTION].filter(Boolean).join(", "));
    await page.getByTestId("save-draft").click();
    const change = page.getByTestId("draft-changes").getByTestId("change-deniedJurisdictions.internal");
    await expect.poll(() => change.textContent(), { timeout: 10_000 }).toContain(JURISDICTION);
    await expect.poll(() => page.getByTestId("save-draft").isDisabled()).toBe(true); // saved: nothing unsaved
    expect(await page.getByTestId("error-alert").count()).toBe(0);
    await context.close();
  });

  it("analyses the draft's impact on the server with progress and a cancel the server receives, then lists the decision that would flip", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/policy");
    await page.getByTestId("analyse-impact").waitFor();
    // Hold the progress answers back until the cancel is sent, so the progress bar and its Cancel button stay.
    const jobPolls = /\/api\/v1\/policy\/impact\/analyses\/[0-9a-f-]{36}$/;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(jobPolls, async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    const started = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/policy/impact/analyses") && r.request().method() === "POST",
    );
    await page.getByTestId("analyse-impact").click();
    expect((await started).status()).toBe(202);
    await page.getByTestId("impact-progress").waitFor();
    expect(await page.getByTestId("impact-progress").textContent()).toMatch(
      /Waiting to start|Replaying logged decisions/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    const cancelled = page.waitForResponse((r) => /\/analyses\/[0-9a-f-]{36}\/cancel$/.test(r.url()));
    await page.getByTestId("cancel-impact").click();
    // The server has the cancel; a replay of this small log may have finished before it arrived.
    const answer = (await (await cancelled).json()) as { status: string; cancelRequested: boolean };
    expect(["queued", "running", "cancelled", "done"]).toContain(answer.status);
    expect(answer.cancelRequested || answer.status === "done").toBe(true);
    release();
    await page.unroute(jobPolls);
    if (answer.status !== "done") await page.getByTestId("impact-cancelled").waitFor({ timeout: 30_000 });

    await page.getByTestId("analyse-impact").click();
    await page.getByTestId("impact-summary").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("impact-summary").textContent()).toMatch(/[1-9][\d,]* allowed would be denied/);
    const samples = (await page.getByTestId("samples-allow-to-deny").textContent()) ?? "";
    expect(samples).toContain(MODEL);
    expect(samples).toContain("jurisdiction_denied");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-impact");

    // Publish it, after a confirmation that repeats the impact.
    await page.getByTestId("publish").click();
    await expect.poll(() => page.getByTestId("publish-impact").textContent()).toMatch(/would be denied/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-publish-dialog");
    await page.getByTestId("confirm-publish").click();
    await expect.poll(() => page.getByTestId("policy-notice").textContent()).toMatch(/Published revision \d+/);
    await page.getByTestId("no-changes").waitFor(); // the draft is now what is published

    // The analysis is kept: reopened from the list of recent analyses after a reload.
    await page.reload();
    await page.getByTestId("impact-history").waitFor();
    await page.getByTestId("impact-history").getByRole("button", { name: "Open" }).first().click();
    await page.getByTestId("impact-reopened").waitFor();
    expect(await page.getByTestId("impact-summary").textContent()).toMatch(/[1-9][\d,]* allowed would be denied/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-impact-reopened");
    await context.close();

    // The gateway is refused the model from the new revision on.
    await expect
      .poll(async () => (await decide()).reasons.map((r) => r.code), { timeout: 15_000, interval: 500 })
      .toContain("jurisdiction_denied");
  });

  it("rolls back to the earlier revision after a confirmation that shows what changes", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/policy");
    await page.getByRole("tab", { name: /Revisions/ }).click();
    const latest = page.locator("[data-testid^='revision-']").first();
    await latest.waitFor();
    // The newest revision shows what it changed.
    await latest.locator("button[aria-expanded]").click();
    await expect
      .poll(() => page.locator("[data-testid^='changes-of-revision-']").textContent())
      .toContain(JURISDICTION);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-revisions");

    await page.getByTestId(`rollback-${baseline.number}`).click();
    await expect.poll(() => page.getByTestId("rollback-changes").textContent()).toContain(JURISDICTION);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "policy-rollback-dialog");
    await page.getByTestId("confirm-rollback").click();
    await expect
      .poll(() => page.getByTestId("policy-notice").textContent())
      .toContain(`revision ${baseline.number}'s settings`);
    // The notice comes with the answer; the list follows when the screen has reloaded.
    await expect
      .poll(() => page.locator("[data-testid^='revision-']").first().textContent())
      .toContain(`Rollback to revision ${baseline.number}`);
    await page.getByRole("tab", { name: "Draft" }).click();
    await expect.poll(() => page.locator(DENIED_INTERNAL).inputValue()).not.toContain(JURISDICTION);
    await context.close();

    await expect.poll(async () => (await decide()).allow, { timeout: 15_000, interval: 500 }).toBe(true);
  });

  it("lets ian, a tenant admin, edit the draft but leaves publishing to an officer", async () => {
    const { context, page } = await signIn(browser, ADMIN, "/policy");
    await page.getByTestId("save-draft").waitFor();
    expect(await page.getByTestId("publish-by-officer").count()).toBe(1);
    expect(await page.getByTestId("publish").count()).toBe(0);
    await page.getByRole("tab", { name: /Revisions/ }).click();
    await page.getByTestId("revisions").waitFor();
    expect(await page.locator("[data-testid^='rollback-']").count()).toBe(0);
    await context.close();
  });

  it("shows carol, an auditor, the settings and revisions read-only, and bob no policy screen", async () => {
    const carol = await signIn(browser, "carol", "/policy");
    await carol.page.getByTestId("classification-settings").waitFor();
    expect(await carol.page.getByTestId("save-draft").count()).toBe(0);
    expect(await carol.page.getByTestId("analyse-impact").count()).toBe(0);
    expect(await carol.page.locator("#setting-deniedJurisdictions-internal").count()).toBe(0);
    expect(await carol.page.getByTestId("setting-deniedJurisdictions-internal").count()).toBe(1);
    expect(await accessibilityProblems(carol.page)).toEqual([]);
    await screenshot(carol.page, "policy-auditor");
    await carol.context.close();

    const bob = await signIn(browser, "bob");
    const nav = bob.page.getByRole("navigation", { name: "Screens" });
    await expect.poll(() => nav.getByRole("link").allTextContents()).toContain("Approval requests");
    expect(await nav.getByRole("link").allTextContents()).not.toContain("Policy");
    await bob.context.close();
  });
});
