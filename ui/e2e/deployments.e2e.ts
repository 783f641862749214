import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, RUN_ID, userToken } from "./stack";

// Each run has its own vendor and model, so its deployments never touch the demo's.
const VENDOR = `e2e-dep-vendor-${RUN_ID}`;
const MODEL = `e2e-dep-model-${RUN_ID}`;
const DEPLOYMENT = `e2e-dep-eu-${RUN_ID}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  const alice = await userToken("alice");
  await api(alice, "POST", "/vendors", {
    id: VENDOR,
    name: `Deployments vendor ${RUN_ID}`,
    jurisdiction: "CN",
    suspended: false,
  });
  await api(alice, "POST", "/models", {
    id: MODEL,
    displayName: `Deployments model ${RUN_ID}`,
    vendor: VENDOR,
    hostingRegions: ["cn"],
    openWeights: true,
    selfHostable: true,
    licence: "MIT",
    capabilities: ["fixture"],
    costTier: "low",
    status: "approved",
  });
});
afterAll(async () => {
  const alice = await userToken("alice");
  await api(alice, "DELETE", `/deployments/${DEPLOYMENT}`).catch(() => undefined);
  await api(alice, "DELETE", `/models/${MODEL}`).catch(() => undefined);
  await api(alice, "DELETE", `/vendors/${VENDOR}`).catch(() => undefined);
  await browser?.close();
});

describe("deployments under a model", () => {
  it("shows where the demo's DeepSeek V3 runs: acme's own EU cluster and DeepSeek's API in China", async () => {
    const { context, page } = await signIn(browser, "bob", "/inventory/models/deepseek-v3");
    const own = page.getByTestId("deployment-deepseek-v3-acme-eu");
    await own.waitFor();
    expect(await own.textContent()).toMatch(/self-hosted.*FR.*eu.*zero data retention.*active/);
    expect(await page.getByTestId("deployment-deepseek-v3").textContent()).toMatch(
      /deepseek.*CN.*prompts train the model/,
    );
    expect(await page.getByTestId("add-deployment").count()).toBe(0); // bob reads, never writes
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "model-deployments");
    await context.close();
  });

  it("lets alice add a self-hosted deployment, with the server's errors on the fields, then suspend it", async () => {
    const { context, page } = await signIn(browser, "alice", `/inventory/models/${MODEL}`);
    await page.getByTestId("add-deployment").click();
    await page.locator("#deployment-id").fill(DEPLOYMENT);
    await page.locator("#deployment-jurisdiction").fill("Narnia");
    await page.locator("#deployment-regions").fill("eu");
    await page.locator("#deployment-endpoint").fill("ftp://cluster.example");
    await page.getByTestId("save-deployment").click();
    await expect.poll(() => page.locator("#deployment-jurisdiction-helper").textContent()).toMatch(/ISO|country/i);
    expect(await page.locator("#deployment-endpoint-helper").textContent()).toMatch(/http/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "deployment-form-error");

    await page.locator("#deployment-jurisdiction").fill("FR");
    await page.locator("#deployment-endpoint").fill("https://llm.acme.internal/v1");
    await page.locator("#deployment-zdr").check();
    await page.locator("#deployment-training").selectOption("false");
    await page.getByTestId("save-deployment").click();
    const row = page.getByTestId(`deployment-${DEPLOYMENT}`);
    await expect.poll(() => row.textContent()).toMatch(/self-hosted.*FR.*eu.*zero data retention.*active/);

    await page.getByTestId(`toggle-deployment-${DEPLOYMENT}`).click();
    await expect
      .poll(() => page.getByTestId("deployment-impact").textContent())
      .toContain("https://llm.acme.internal/v1");
    // acme's published settings have no deployment rule, and no team holds this model: nothing stops.
    await page.getByTestId("suspension-summary").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("suspension-summary").textContent()).toContain(
      "0 approvals of 0 teams would stop; 0 decisions allowed in the last 7 days would be denied.",
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "deployment-suspend-dialog");
    await page.getByTestId("confirm-deployment-suspend").click();
    await expect.poll(() => row.textContent()).toContain("suspended");
    await context.close();

    // The screen said it; the API must agree.
    const stored = await api<{ status: string; zeroDataRetention: boolean; trainsOnPrompts: boolean }>(
      await userToken("alice"),
      "GET",
      `/deployments/${DEPLOYMENT}`,
    );
    expect(stored).toMatchObject({ status: "suspended", zeroDataRetention: true, trainsOnPrompts: false });
  });
});
