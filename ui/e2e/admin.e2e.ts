import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, gatewayToken, KEYCLOAK_URL, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

const GATEWAY = `e2e-${RUN_ID}`;
const TEAM = `e2e-team-${RUN_ID}`;

let browser: Browser;
let acmeDecision = "";

beforeAll(async () => {
  // A decision of acme's that frank (globex) must never see.
  const answer = await api<{ decisionId: string }>(await gatewayToken("acme"), "POST", "/decisions", {
    team: "research",
    model: `e2e-admin-${RUN_ID}`,
    purpose: "chat",
    dataClassification: "internal",
    region: "eu",
  });
  acmeDecision = answer.decisionId;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Whether Keycloak issues a token for this client id and secret. */
async function tokenStatus(clientId: string, secret: string): Promise<number> {
  const response = await fetch(`${KEYCLOAK_URL}/realms/portolan/protocol/openid-connect/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret }),
  });
  return response.status;
}

describe("administration", () => {
  it("lets dave issue a gateway credential whose secret works and is shown only once", async () => {
    const { context, page } = await signIn(browser, "dave", "/admin/gateways");
    await page.getByTestId("add-gateway").click();
    await page.locator("#gateway-id").fill(GATEWAY);
    await page.locator("#gateway-description").fill("E2E proxy");
    await page.getByTestId("issue-gateway").click();
    const secretBox = page.getByLabel("Client secret", { exact: true });
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    const clientId = await page.getByLabel("Client id", { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThan(16);
    expect(await page.getByRole("dialog").textContent()).toContain("shown only this once");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "gateway-secret-once");
    expect(await tokenStatus(clientId, secret)).toBe(200);

    await page.getByTestId("close-secret").click();
    await page.getByTestId(`row-${GATEWAY}`).waitFor();
    await page.reload();
    await page.getByTestId(`row-${GATEWAY}`).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "gateways");

    // Rotating shows a new secret once; the old one stops working.
    await page.getByRole("button", { name: `Rotate secret of ${GATEWAY}` }).click();
    await page.getByTestId("confirm-rotate-gateway").click();
    await secretBox.waitFor();
    const rotated = await secretBox.inputValue();
    expect(rotated).not.toBe(secret);
    await page.getByTestId("close-secret").click();
    expect(await tokenStatus(clientId, secret)).toBe(401);
    expect(await tokenStatus(clientId, rotated)).toBe(200);

    // Revoking removes it.
    await page.getByRole("button", { name: `Revoke ${GATEWAY}` }).click();
    await page.getByTestId("confirm-delete-gateway").click();
    await expect.poll(() => page.getByTestId(`row-${GATEWAY}`).count(), { timeout: 15_000 }).toBe(0);
    expect(await tokenStatus(clientId, rotated)).not.toBe(200);
    await context.close();
  });

  it("lets dave create, rename and delete a team", async () => {
    const { context, page } = await signIn(browser, "dave", "/admin/teams");
    await page.getByTestId("add-team").click();
    await page.locator("#team-id").fill(TEAM);
    await page.locator("#team-name").fill("E2E team");
    await page.locator("#team-tier").selectOption("critical");
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("save-team").click();
    const row = page.getByTestId(`row-${TEAM}`);
    await row.waitFor();
    expect(await row.textContent()).toContain("critical");

    await page.getByRole("button", { name: "Edit E2E team" }).click();
    await page.locator("#team-name").fill("E2E team renamed");
    await page.getByTestId("save-team").click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain("E2E team renamed");
    await screenshot(page, "teams");

    // A second team with the same id is refused with a readable message.
    await page.getByTestId("add-team").click();
    await page.locator("#team-id").fill(TEAM);
    await page.locator("#team-name").fill("Duplicate");
    await page.getByTestId("save-team").click();
    await page.getByTestId("error-alert").waitFor();
    expect(await page.getByTestId("error-alert").textContent()).not.toContain("{");
    await page.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Delete E2E team renamed" }).click();
    await page.getByTestId("confirm-delete-team").click();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await context.close();
  });

  it("lands root on the tenants, the only screen of the platform admin", async () => {
    await userToken("frank").then((t) => api(t, "GET", "/teams")); // globex has been seen
    const { context, page } = await signIn(browser, "root");
    await page.waitForURL(/\/admin\/tenants$/);
    await page.getByTestId("row-acme").waitFor();
    await page.getByTestId("row-globex").waitFor();
    const nav = page.getByRole("navigation", { name: "Screens" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Tenants"]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "tenants-root");
    await context.close();
  });

  it("shows frank (globex requester) no admin screen and none of acme's data", async () => {
    const { context, page } = await signIn(browser, "frank");
    await expect.poll(() => page.getByTestId("masthead-tenant").textContent()).toContain("globex");
    const nav = page.getByRole("navigation", { name: "Screens" });
    await expect.poll(() => nav.getByRole("link").count()).toBeGreaterThan(0);
    const links = await nav.getByRole("link").allTextContents();
    for (const screen of ["Teams", "Gateways", "Tenants", "Decision explorer", "Audit"])
      expect(links).not.toContain(screen);

    for (const path of ["/admin/gateways", "/admin/teams", "/admin/tenants", `/decisions/${acmeDecision}`]) {
      await page.goto(PORTOLAN_URL + path);
      await page.getByTestId("not-permitted").waitFor();
      expect(await page.locator("main").textContent()).not.toMatch(/acme/);
    }
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "globex-frank-admin");

    // The API agrees: his role may not read the log, and globex's officer finds no such decision.
    const asFrank = await fetch(`${PORTOLAN_URL}/api/v1/audit/decisions/${acmeDecision}`, {
      headers: { Authorization: `Bearer ${await userToken("frank")}` },
    });
    expect(asFrank.status).toBe(403);
    const asErin = await fetch(`${PORTOLAN_URL}/api/v1/audit/decisions/${acmeDecision}`, {
      headers: { Authorization: `Bearer ${await userToken("erin")}` },
    });
    expect(asErin.status).toBe(404);
    await context.close();
  });
});
