import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, gatewayToken, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

const VENDOR = `e2e-inv-vendor-${RUN_ID}`;
const MODEL = `e2e-inv-model-${RUN_ID}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Screens" }).getByRole("link", { name, exact: true }).click();

describe("the inventory", () => {
  it("lets alice add a vendor, with the server's errors on the fields", async () => {
    const { context, page } = await signIn(browser, "alice", "/inventory/vendors");
    await page.getByTestId("add-vendor").click();
    await page.locator("#vendor-id").fill(VENDOR);
    await page.locator("#vendor-name").fill(`Inventory vendor ${RUN_ID}`);
    await page.locator("#vendor-jurisdiction").fill("Narnia");
    await page.getByTestId("save-vendor").click();
    await expect.poll(() => page.locator("#vendor-jurisdiction-helper").textContent()).toMatch(/ISO|country|alpha/i);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "vendor-form-error");
    await page.locator("#vendor-jurisdiction").fill("FR");
    await page.getByTestId("save-vendor").click();
    await page.getByLabel("Filter vendors").fill(VENDOR);
    await page.getByTestId(`row-${VENDOR}`).waitFor();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await context.close();
  });

  it("adds a model through the form and shows its provenance", async () => {
    const { context, page } = await signIn(browser, "alice", "/inventory/models");
    await page.getByTestId("add-model").click();
    await page.locator("#model-id").fill("Not Valid");
    await page.locator("#model-name").fill(`Inventory model ${RUN_ID}`);
    await page.locator("#model-vendor").selectOption(VENDOR);
    await page.locator("#model-regions").fill("eu");
    await page.locator("#model-capabilities").fill("chat");
    await page.getByTestId("save-model").click();
    await expect.poll(() => page.locator("#model-id-helper").textContent()).toMatch(/lower-case/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "model-form-error");
    await page.locator("#model-id").fill(MODEL);
    await page.locator("#model-status").selectOption("approved");
    await page.getByTestId("save-model").click();
    await page.getByTestId("provenance").waitFor();
    const provenance = await page.getByTestId("provenance").textContent();
    expect(provenance).toContain("FR");
    expect(provenance).toContain("approved");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "model-detail");

    await page.getByTestId("edit-model").click();
    await page.locator("#model-cost").selectOption("high");
    await page.getByTestId("save-model").click();
    await expect.poll(() => page.getByTestId("provenance").textContent()).toContain("high");

    await nav(page, "Models");
    await page.getByLabel("Filter models").fill(MODEL);
    await page.getByTestId(`row-${MODEL}`).waitFor();
    await page.getByLabel("Filter models").fill("");
    // Sorting by Id orders the page by id.
    await page.getByRole("columnheader", { name: "Id" }).getByRole("button").click();
    const ascending = await page.locator("tbody tr td[data-label='Id']").allTextContents();
    expect(ascending).toEqual(
      [...ascending].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" })),
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "models");
    await context.close();
  });

  it("previews the suspension, suspends the vendor with a reason, and the gateway is refused its model", async () => {
    // research holds an approval for the model and used it once: the preview must name both.
    const gateway = await gatewayToken("acme");
    const decide = () =>
      api<{ allow: boolean; reasons: { code: string }[] }>(gateway, "POST", "/decisions", {
        team: "research",
        model: MODEL,
        purpose: "chat",
        dataClassification: "internal",
        region: "eu",
      });
    const request = await api<{ id: string }>(await userToken("dave"), "POST", "/approval-requests", {
      team: "research",
      model: MODEL,
      purpose: "chat",
      maxDataClassification: "internal",
      regions: ["eu"],
      justification: "inventory spec",
    });
    for (const officer of ["alice", "olivia"]) {
      // A high-risk request needs a second officer.
      const decided = await api<{ status: string }>(
        await userToken(officer),
        "POST",
        `/approval-requests/${request.id}/decision`,
        { outcome: "approve" },
      );
      if (decided.status === "approved") break;
    }
    await expect.poll(async () => (await decide()).allow, { timeout: 15_000, interval: 500 }).toBe(true);

    const { context, page } = await signIn(browser, "alice", "/inventory/vendors");
    await page.getByLabel("Filter vendors").fill(VENDOR);
    await page.getByTestId(`toggle-suspend-${VENDOR}`).click();
    await page.getByTestId("suspension-summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("suspension-summary").textContent()).toMatch(
      /1 approval of 1 team would stop; [1-9]\d* decisions? allowed in the last 7 days would be denied/,
    );
    const research = (await page.getByTestId("suspension-team-research").textContent()) ?? "";
    expect(research).toMatch(/^research1/);
    expect(research).not.toMatch(/none$/); // research holds approvals for other chat models
    await page.getByTestId("confirm-suspend").click(); // without a reason: the server refuses
    await expect.poll(() => page.locator("#suspend-reason-helper").textContent()).toMatch(/required/);
    await page.locator("#suspend-reason").fill("Export-control review");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "vendor-suspend-dialog");
    await page.getByTestId("confirm-suspend").click();
    await expect.poll(() => page.getByTestId(`row-${VENDOR}`).textContent()).toContain("Export-control review");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "vendors");

    // The suspension reaches OPA just after the commit: allow it a few seconds.
    await expect
      .poll(async () => (await decide()).reasons.map((r) => r.code), { timeout: 15_000, interval: 500 })
      .toContain("vendor_suspended");
    expect((await decide()).allow).toBe(false);

    await page.getByTestId(`toggle-suspend-${VENDOR}`).click();
    await page.getByTestId("confirm-suspend").click();
    await expect.poll(() => page.getByTestId(`row-${VENDOR}`).textContent()).toContain("active");

    // Suspended for its own endpoints only: the model has no other deployment, so the gateway is still refused.
    await page.getByTestId(`toggle-suspend-${VENDOR}`).click();
    await page.getByTestId("suspend-scope-own").check();
    await page.getByTestId("suspension-summary").waitFor({ timeout: 30_000 });
    await page.locator("#suspend-reason").fill("API outside the EU");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("confirm-suspend").click();
    await expect.poll(() => page.getByTestId(`row-${VENDOR}`).textContent()).toContain("its own endpoints only");
    await expect
      .poll(async () => (await decide()).reasons.map((r) => r.code), { timeout: 15_000, interval: 500 })
      .toContain("vendor_suspended");
    await page.getByTestId(`toggle-suspend-${VENDOR}`).click();
    await page.getByTestId("confirm-suspend").click();
    await expect.poll(() => page.getByTestId(`row-${VENDOR}`).textContent()).toContain("active");

    // Saving the model as suspended first shows the same preview for the model alone.
    await page.goto(`${PORTOLAN_URL}/inventory/models/${MODEL}`);
    await page.getByTestId("edit-model").click();
    await page.locator("#model-status").selectOption("suspended");
    await page.getByTestId("save-model").click();
    await page.getByTestId("suspension-summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("suspension-summary").textContent()).toMatch(/1 approval of 1 team would stop/);
    await page.getByTestId("suspension-team-research").waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "model-suspend-dialog");
    await page.getByTestId("confirm-suspend-model").click();
    await expect.poll(() => page.getByTestId("provenance").textContent()).toContain("suspended");
    await context.close();
  });

  it("shows bob the inventory read-only and frank none of acme's", async () => {
    const bob = await signIn(browser, "bob", "/inventory/vendors");
    await bob.page.getByLabel("Filter vendors").fill(VENDOR);
    await bob.page.getByTestId(`row-${VENDOR}`).waitFor();
    expect(await bob.page.getByTestId("add-vendor").count()).toBe(0);
    expect(await bob.page.getByTestId(`toggle-suspend-${VENDOR}`).count()).toBe(0);
    await bob.context.close();

    const frank = await signIn(browser, "frank", "/inventory/models");
    await frank.page.getByRole("heading", { name: "Models" }).waitFor();
    await frank.page.waitForLoadState("networkidle");
    await frank.page.getByLabel("Filter models").fill(MODEL);
    expect(await frank.page.getByTestId(`row-${MODEL}`).count()).toBe(0);
    await frank.page.goto(frank.page.url().replace(/\/inventory.*/, `/inventory/models/${MODEL}`));
    await expect.poll(() => frank.page.getByTestId("error-alert").textContent()).toMatch(/does not exist|not found/i);
    await frank.context.close();
    // And through the API with his own token, to be sure the screen is not hiding a leak.
    const vendors = await api<{ items: { id: string }[] }>(await userToken("frank"), "GET", "/vendors?size=500");
    expect(vendors.items.map((v) => v.id)).not.toContain(VENDOR);
  });
});
