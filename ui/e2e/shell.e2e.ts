import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { PORTOLAN_URL } from "./stack";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the shell", () => {
  it("shows bob, his tenant and role, and only the screens a requester may use", async () => {
    const { context, page } = await signIn(browser, "bob");
    await expect.poll(() => page.getByTestId("masthead-tenant").textContent()).toContain("acme");
    expect(await page.getByTestId("masthead-role").textContent()).toContain("Requester");
    const nav = page.getByRole("navigation", { name: "Screens" });
    await expect.poll(() => nav.getByRole("link").allTextContents()).toContain("Approval requests");
    expect(await nav.getByRole("link").allTextContents()).not.toContain("Audit");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "overview-bob");
    await context.close();
  });

  it("shows the auditor the audit screen", async () => {
    const { context, page } = await signIn(browser, "carol");
    const nav = page.getByRole("navigation", { name: "Screens" });
    await expect.poll(() => nav.getByRole("link").allTextContents()).toContain("Audit");
    await context.close();
  });

  it("leaves the API's problem+json 404 alone while UI routes get the app", async () => {
    const api = await fetch(`${PORTOLAN_URL}/api/v1/no-such-thing`, { headers: { Accept: "text/html" } });
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    const route = await fetch(`${PORTOLAN_URL}/approvals/requests/anything`, { headers: { Accept: "text/html" } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
  });
});
