import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, userToken } from "./stack";

// initech's retention policy: ian (tenant admin) sets it on the audit screen; the daily job applies it.
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await api(await userToken("ian"), "PUT", "/audit/retention", {}).catch(() => undefined); // keep everything again
  await browser?.close();
});

describe("retention on the audit screen", () => {
  it("lets ian set how long each log is kept, names a bad value, and shows the setting and the runs", async () => {
    const { context, page } = await signIn(browser, "ian", "/audit");
    const section = page.getByTestId("retention");
    await section.waitFor();
    await page.locator("#retention-decisions").fill("ten");
    await page.getByTestId("save-retention").click();
    await expect.poll(() => page.locator("#retention-decisions-helper").textContent()).toMatch(/whole number of days/);

    await page.locator("#retention-decisions").fill("400");
    await page.locator("#retention-usage").fill("");
    await page.locator("#retention-changes").fill("3650");
    await page.getByTestId("save-retention").click();
    await page.getByTestId("retention-saved").waitFor();
    const status = page.getByTestId("retention-status");
    await expect.poll(() => status.textContent()).toContain("kept 400 days");
    expect(await status.textContent()).toContain("kept for ever"); // usage
    expect(await status.textContent()).toContain("by ian");
    // The test stack checks every few seconds: the scheduled run shows up once it ran.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("retention-last-scheduled").textContent();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toMatch(/scheduled: removed 0 decisions/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "retention");
    await context.close();
  });

  it("shows carol, an auditor, her tenant's retention read only", async () => {
    const { context, page } = await signIn(browser, "carol", "/audit");
    await page.getByTestId("retention-status").waitFor();
    expect(await page.getByTestId("retention-status").textContent()).toContain("Decision log");
    expect(await page.getByTestId("save-retention").count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });
});
