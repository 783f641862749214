import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

// Tenant initech: a vendor, two models and a team of this run's own, so its spend rows are its own.
const OFFICER = "ivan";
const TEAM = `e2e-spend-team-${RUN_ID}`;
const VENDOR = `e2e-spend-vendor-${RUN_ID}`;
const PRICED = `e2e-spend-priced-${RUN_ID}`;
const MAPPED = `e2e-spend-mapped-${RUN_ID}`;

let browser: Browser;

async function useModel(gateway: string, model: string, inputTokens: number, outputTokens: number): Promise<void> {
  const decision = await api<{ decisionId: string }>(gateway, "POST", "/decisions", {
    team: TEAM,
    model,
    purpose: "chat",
    dataClassification: "internal",
    region: "eu",
  });
  await api(gateway, "POST", "/usage", {
    decisionId: decision.decisionId,
    model,
    inputTokens,
    outputTokens,
    latencyMs: 90,
  });
}

beforeAll(async () => {
  const ivan = await userToken(OFFICER);
  await ensure(ivan, "/teams", TEAM, { id: TEAM, name: `Spend team ${RUN_ID}` });
  await api(ivan, "POST", "/vendors", { id: VENDOR, name: `Vendor ${VENDOR}`, jurisdiction: "SE" });
  for (const id of [PRICED, MAPPED]) {
    await api(ivan, "POST", "/models", {
      id,
      displayName: `Model ${id}`,
      vendor: VENDOR,
      hostingRegions: ["eu"],
      openWeights: true,
      selfHostable: true,
      licence: "apache-2.0",
      capabilities: ["fixture"],
      costTier: "low",
      status: "approved",
    });
  }
  const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  await api(ivan, "POST", "/prices", {
    model: PRICED,
    currency: "EUR",
    inputPerMillion: 2.5,
    outputPerMillion: 10,
    validFrom: yesterday,
  });
  const gateway = await gatewayToken("initech");
  await useModel(gateway, PRICED, 1000, 500); // 1,000 × 2.5 + 500 × 10 = 7,500 micros
  await useModel(gateway, MAPPED, 40, 60); // no price yet: unpriced
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("spend", () => {
  it("shows each model's calls and cost, and what has no price", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/spend?groupBy=model");
    const priced = page.getByTestId(`spend-row-${PRICED}-EUR`);
    await priced.waitFor();
    expect(await priced.textContent()).toContain("€0.0075");
    expect(await priced.textContent()).toContain("1,000");
    const unpriced = page.getByTestId(`spend-row-${MAPPED}-USD`); // a call without any price counts in USD
    expect(await unpriced.textContent()).toContain("$0.00");
    expect(await page.getByTestId("spend-total-EUR").count()).toBe(1);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "spend");

    await page.getByTestId("spend-group").selectOption("jurisdiction");
    await expect.poll(() => page.getByTestId("spend-row-SE-EUR").count()).toBe(1);
    expect(page.url()).toContain("groupBy=jurisdiction"); // a link others can open

    const download = page.waitForEvent("download");
    await page.getByTestId("download-focus").click();
    const file = await (await download).path();
    const csv = await import("node:fs").then((fs) => fs.readFileSync(file, "utf8"));
    expect(csv.split("\r\n")[0]).toContain("BilledCost");
    expect(csv).toContain(`${PRICED},${PRICED}`);
    await context.close();
  });

  it("prices a model from LiteLLM's price map, and new usage is costed from it", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/spend?groupBy=model");
    await page.getByTestId("price-import").setInputFiles({
      name: "model_prices_and_context_window.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify({
          sample_spec: { input_cost_per_token: 0, output_cost_per_token: 0 },
          [`${VENDOR}/${MAPPED}`]: {
            input_cost_per_token: 1e-6,
            output_cost_per_token: 2e-6,
            litellm_provider: VENDOR,
            mode: "chat",
          },
        }),
      ),
    });
    await page.getByTestId("import-result").waitFor();
    expect(await page.getByTestId("import-result").textContent()).toContain("1 model priced");
    await expect.poll(() => page.getByTestId(`price-${MAPPED}`).textContent()).toContain("LiteLLM map");
    expect(await accessibilityProblems(page)).toEqual([]);

    await useModel(await gatewayToken("initech"), MAPPED, 1_000_000, 1_000_000); // 1 + 2 USD
    await page.reload();
    const mapped = page.getByTestId(`spend-row-${MAPPED}-USD`);
    await mapped.waitFor();
    expect(await mapped.textContent()).toContain("$3.00");
    await context.close();
  });

  it("sets a team's budget, shows it spent, and the decision denies until it is raised", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/spend");
    const form = page.getByTestId("set-budget");
    await expect.poll(() => page.locator("#budget-team option").allTextContents()).toContain(TEAM);
    await page.locator("#budget-team").selectOption(TEAM);
    await page.locator("#budget-limit").fill("2");
    await page.getByTestId("set-budget-submit").click();
    const row = page.getByTestId(`budget-${TEAM}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("spent: decisions deny"); // $3.00 of USD spend on the mapped model
    expect(await row.textContent()).toContain("150%");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "spend-budgets");
    const gateway = await gatewayToken("initech");
    const ask = { team: TEAM, model: MAPPED, purpose: "chat", dataClassification: "internal", region: "eu" };
    const denied = await api<{ allow: boolean; reasons: { code: string }[] }>(gateway, "POST", "/decisions", ask);
    expect(denied.reasons.map((r) => r.code)).toContain("budget_exceeded");

    await page.locator("#budget-team").selectOption(TEAM);
    expect(await form.getByTestId("set-budget-submit").textContent()).toBe("Change budget");
    await page.locator("#budget-limit").fill("100");
    await page.getByTestId("set-budget-submit").click();
    await expect.poll(() => row.textContent()).toContain("within budget");
    await context.close();
  });

  it("sets a dependency ceiling whose breach the overview and the portability screen warn about", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/spend");
    await page.getByTestId("shares-jurisdiction").waitFor();
    expect(await page.getByTestId("shares-jurisdiction").textContent()).toContain("SE");
    await page.locator("#ceiling-dimension").selectOption("jurisdiction");
    await page.locator("#ceiling-max").fill("1"); // no jurisdiction carries 1% or less of initech's calls
    await page.getByTestId("set-ceiling-submit").click();
    await expect
      .poll(() => page.getByTestId("ceilings").textContent())
      .toContain("at most 1% of all calls on one jurisdiction");
    await page.getByTestId("dependency-breaches").waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    for (const screen of ["/", "/portability"]) {
      await page.goto(PORTOLAN_URL + screen);
      await page.getByTestId("dependency-warnings").waitFor();
      expect(await page.getByTestId("dependency-warnings").textContent()).toContain("(ceiling 1%)");
    }
    await page.goto(`${PORTOLAN_URL}/spend`);
    await page.getByRole("button", { name: "Remove the ceiling on jurisdiction for all calls" }).click();
    await expect.poll(() => page.getByTestId("dependency-breaches").count()).toBe(0);
    await context.close();
  });

  it("lets an officer add a price by hand and names what is wrong", async () => {
    const { context, page } = await signIn(browser, OFFICER, "/spend");
    await page.locator("#price-model").selectOption(PRICED);
    await page.locator("#price-currency").fill("eur!");
    await page.locator("#price-input").fill("1");
    await page.locator("#price-output").fill("2");
    await page.getByTestId("add-price-submit").click();
    await expect.poll(() => page.getByTestId("add-price").textContent()).toContain("ISO 4217");
    await page.locator("#price-currency").fill("EUR");
    await page.getByTestId("add-price-submit").click();
    await expect.poll(() => page.getByTestId(`price-${PRICED}`).count()).toBe(2);
    await context.close();
  });

  it("is read-only for auditors and not shown to requesters", async () => {
    const auditor = await signIn(browser, "carol", "/spend");
    await auditor.page.getByTestId("spend-group").waitFor();
    expect(await auditor.page.getByTestId("add-price").count()).toBe(0);
    expect(await auditor.page.getByTestId("price-import").count()).toBe(0);
    await auditor.context.close();
    const requester = await signIn(browser, "bob", "/");
    expect(await requester.page.getByRole("link", { name: "Spend" }).count()).toBe(0);
    await requester.page.goto(`${PORTOLAN_URL}/spend`);
    await expect.poll(() => requester.page.textContent("body")).toContain("not");
    await requester.context.close();
  });
});
