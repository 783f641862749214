import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the overview", () => {
  it("shows the auditor decisions allowed and denied, pending approvals and suspended vendors", async () => {
    const { context, page } = await signIn(browser, "carol");
    await page.getByTestId("card-pending").waitFor();
    expect(await page.getByTestId("card-decisions").count()).toBe(2);
    expect(await page.getByTestId("card-decisions").first().textContent()).toMatch(/[\d,]+ allowed, [\d,]+ denied/);
    expect(await page.getByTestId("card-suspended").textContent()).toMatch(/Vendors suspended[\d,]+/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "overview");
    await context.close();
  });

  it("leaves decision figures out for an officer, whose role cannot read the decision log", async () => {
    const { context, page } = await signIn(browser, "alice");
    await page.getByTestId("card-pending").waitFor();
    expect(await page.getByTestId("card-decisions").count()).toBe(0);
    expect(await page.getByTestId("error-alert").count()).toBe(0);
    await context.close();
  });
});
