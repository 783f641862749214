import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

// Tenant initech, with a team of this run's own that may summarise with models of two vendors:
// cutting off either leaves the other, until one of them is suspended.
const OFFICER = "ivan";
const ADMIN = "ian"; // asks for the approvals ivan grants: nobody decides their own request
const TEAM = `e2e-port-team-${RUN_ID}`;
const CAPABILITY = "summarise";
const KEPT = { vendor: `e2e-port-kept-${RUN_ID}`, model: `e2e-port-kept-model-${RUN_ID}`, jurisdiction: "DE" };
const SUSPENDED = { vendor: `e2e-port-susp-${RUN_ID}`, model: `e2e-port-susp-model-${RUN_ID}`, jurisdiction: "FR" };

let browser: Browser;

async function supply(ivan: string, ian: string, s: typeof KEPT): Promise<void> {
  await api(ivan, "POST", "/vendors", { id: s.vendor, name: `Vendor ${s.vendor}`, jurisdiction: s.jurisdiction });
  await api(ivan, "POST", "/models", {
    id: s.model,
    displayName: `Model ${s.model}`,
    vendor: s.vendor,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: [CAPABILITY],
    costTier: "low",
    status: "approved",
  });
  const request = await api<{ id: string }>(ian, "POST", "/approval-requests", {
    team: TEAM,
    model: s.model,
    purpose: "summaries",
    maxDataClassification: "internal",
    regions: ["eu"],
    justification: "portability spec",
  });
  await api(ivan, "POST", `/approval-requests/${request.id}/decision`, { outcome: "approve" });
}

beforeAll(async () => {
  const ivan = await userToken(OFFICER);
  const ian = await userToken(ADMIN);
  await ensure(ivan, "/teams", TEAM, { id: TEAM, name: `Portability team ${RUN_ID}` });
  await supply(ivan, ian, KEPT);
  await supply(ivan, ian, SUSPENDED);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  // Reinstate the vendor so initech's overview does not collect suspensions run after run.
  const ivan = await userToken(OFFICER);
  await api(ivan, "PUT", `/vendors/${SUSPENDED.vendor}`, {
    id: SUSPENDED.vendor,
    name: `Vendor ${SUSPENDED.vendor}`,
    jurisdiction: SUSPENDED.jurisdiction,
    suspended: false,
    suspensionReason: null,
  }).catch(() => undefined);
});

/** The portability screen with the kept vendor cut off in the what-if. */
const whatIfKeptVendor = (page: Page) => page.goto(`${PORTOLAN_URL}/portability?cut=vendor:${KEPT.vendor}`);

describe("portability", () => {
  it("shows the team's capability with two vendors, and that cutting one off loses nothing", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/portability");
    await page.getByLabel("Filter teams").fill(TEAM);
    // Approvals reach OPA just after their commit: refresh until the team shows.
    const cell = page.getByTestId(`cell-${TEAM}-${CAPABILITY}`);
    await expect
      .poll(
        async () => {
          if ((await cell.count()) === 0) await page.getByTestId("refresh-portability").click();
          return cell.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    await expect.poll(() => cell.textContent()).toContain(SUSPENDED.model);
    expect(await cell.textContent()).toContain(KEPT.model);
    expect(await cell.textContent()).not.toContain("single vendor");

    await page.getByTestId("cut-off").selectOption(`vendor:${KEPT.vendor}`);
    await expect.poll(() => page.getByTestId("what-if-result").textContent()).toBeTruthy();
    expect(await page.getByTestId(`loss-${TEAM}-${CAPABILITY}`).count()).toBe(0);
    expect(decodeURIComponent(page.url())).toContain(`cut=vendor:${KEPT.vendor}`); // a link others can open
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "portability");

    // Both approvals stop at internal data: no cover for confidential work.
    await page.getByTestId("portability-classification").selectOption("confidential");
    await expect.poll(() => cell.textContent()).toContain("none usable");
    expect(await cell.textContent()).not.toContain(KEPT.model);
    expect(page.url()).toContain("class=confidential");
    await page.getByTestId("portability-classification").selectOption("internal");
    await expect.poll(() => cell.textContent()).toContain(KEPT.model);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });

  it("suspends a vendor on the inventory screen with a reason, and the what-if then shows the team losing the capability", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/inventory/vendors");
    await page.getByLabel("Filter vendors").fill(SUSPENDED.vendor);
    await page.getByTestId(`toggle-suspend-${SUSPENDED.vendor}`).click();
    await page.locator("#suspend-reason").fill("Contract terminated");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "portability-suspend-dialog");
    await page.getByTestId("confirm-suspend").click();
    await expect.poll(() => page.getByTestId(`row-${SUSPENDED.vendor}`).textContent()).toContain("Contract terminated");

    await whatIfKeptVendor(page);
    const loss = page.getByTestId(`loss-${TEAM}-${CAPABILITY}`);
    // The suspension reaches OPA just after its commit: refresh until the what-if sees it.
    await expect
      .poll(
        async () => {
          if ((await loss.count()) === 0) await page.getByTestId("refresh-portability").click();
          return loss.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await loss.textContent()).toContain(KEPT.model);
    expect(await page.getByTestId("what-if-result").textContent()).toMatch(/lose/);
    await page.getByLabel("Filter teams").fill(TEAM);
    const cell = page.getByTestId(`cell-${TEAM}-${CAPABILITY}`);
    await expect.poll(() => cell.textContent()).toContain("lost in the what-if");
    expect(await cell.textContent()).not.toContain(SUSPENDED.model);
    expect(await page.getByTestId("matrix-summary").textContent()).toContain(`Vendor ${SUSPENDED.vendor}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "portability-what-if-after-suspension");
    await context.close();
  });

  it("announces a vendor's cut-off on the vendor form: the page shows the date and the capability the team will lose, the overview the team's notice", async () => {
    const sunset = {
      vendor: `e2e-port-sunset-${RUN_ID}`,
      model: `e2e-port-sunset-model-${RUN_ID}`,
      jurisdiction: "US",
    };
    const ivanToken = await userToken(OFFICER);
    await api(ivanToken, "POST", "/vendors", {
      id: sunset.vendor,
      name: `Vendor ${sunset.vendor}`,
      jurisdiction: sunset.jurisdiction,
    });
    await api(ivanToken, "POST", "/models", {
      id: sunset.model,
      displayName: `Model ${sunset.model}`,
      vendor: sunset.vendor,
      hostingRegions: ["eu"],
      openWeights: false,
      selfHostable: false,
      licence: null,
      capabilities: ["translate"],
      costTier: "low",
      status: "approved",
    });
    const request = await api<{ id: string }>(await userToken(ADMIN), "POST", "/approval-requests", {
      team: TEAM,
      model: sunset.model,
      purpose: "summaries",
      maxDataClassification: "internal",
      regions: ["eu"],
      justification: "cut-off spec",
    });
    await api(ivanToken, "POST", `/approval-requests/${request.id}/decision`, { outcome: "approve" });
    // Five days ahead: the team's notice (7 days ahead) follows within the stack's 3 s look.
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

    const { context, page } = await signIn(browser, OFFICER, "/inventory/vendors");
    await page.getByLabel("Filter vendors").fill(sunset.vendor);
    await page.getByRole("button", { name: `Edit Vendor ${sunset.vendor}` }).click();
    await page.locator("#vendor-cut-off-reason").waitFor();
    expect(await page.locator("#vendor-cut-off-reason").isDisabled()).toBe(true); // a reason needs a date
    await page.locator("#vendor-cut-off").fill(day);
    await page.locator("#vendor-cut-off-reason").fill("Export rule in force");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("save-vendor").click();
    await expect
      .poll(() => page.getByTestId(`cut-off-${sunset.vendor}`).textContent())
      .toBe(`Cut off on ${day} (Export rule in force)`);

    await page.goto(`${PORTOLAN_URL}/portability`);
    const row = page.getByTestId(`upcoming-vendor-${sunset.vendor}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain(`${day} 00:00 UTC (in `);
    expect(text).toContain("Export rule in force");
    expect(text).toContain(sunset.model);
    expect(text).toContain(`${TEAM}: translate (public, internal)`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "portability-cut-offs");

    await page.goto(`${PORTOLAN_URL}/`);
    const notice = page.getByTestId(`notice-cut_off-vendor-${sunset.vendor}`);
    await expect
      .poll(
        async () => {
          if ((await notice.count()) === 0) await page.reload();
          return notice.count();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(1);
    const told = (await notice.textContent()) ?? "";
    expect(told).toContain(`Cut-off, 7 days ahead`);
    expect(told).toContain(`Vendor ${sunset.vendor} is cut off on ${day}T00:00:00Z`);
    expect(told).toContain(`team ${TEAM}`);
    expect(told).toContain("Export rule in force");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "overview-notices");
    await context.close();
  });

  it("is not on bob's screens: requesters may not read portability", async () => {
    const { context, page } = await signIn(browser, "bob");
    const nav = page.getByRole("navigation", { name: "Screens" });
    await expect.poll(() => nav.getByRole("link").allTextContents()).toContain("Approval requests");
    expect(await nav.getByRole("link").allTextContents()).not.toContain("Portability");
    await context.close();
  });
});
