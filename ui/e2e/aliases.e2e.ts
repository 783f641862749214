import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityProblems, launch, screenshot, signIn } from "./browser";
import { api, ensure, gatewayToken, PORTOLAN_URL, RUN_ID, userToken } from "./stack";

// Tenant acme, with a team, two vendors, their models and deployments of this run's own: the alias
// first resolves to the first vendor's model, a draft reorders it, and the first vendor is then suspended.
const TEAM = `e2e-alias-team-${RUN_ID}`;
const ALIAS = `e2e-chat-${RUN_ID}`;
const FIRST = { vendor: `e2e-alias-first-${RUN_ID}`, model: `e2e-alias-first-model-${RUN_ID}`, jurisdiction: "DE" };
const NEXT = { vendor: `e2e-alias-next-${RUN_ID}`, model: `e2e-alias-next-model-${RUN_ID}`, jurisdiction: "FR" };
const deploymentOf = (s: typeof FIRST) => `${s.model}-eu`;
const ASK = { team: TEAM, model: ALIAS, purpose: "chat", dataClassification: "internal", region: "eu" };

interface Answer {
  allow: boolean;
  reasons: { code: string }[];
  alias?: { name: string; model: string | null };
  route?: { deployment: string };
  alternatives: { model: string; alias?: string }[];
}

let browser: Browser;

async function supply(alice: string, dave: string, s: typeof FIRST, selfHosted: boolean): Promise<void> {
  await api(alice, "POST", "/vendors", { id: s.vendor, name: `Vendor ${s.vendor}`, jurisdiction: s.jurisdiction });
  await api(alice, "POST", "/models", {
    id: s.model,
    displayName: `Model ${s.model}`,
    vendor: s.vendor,
    hostingRegions: ["eu"],
    openWeights: true,
    selfHostable: true,
    licence: "apache-2.0",
    capabilities: ["fixture"],
    costTier: "low",
    status: "approved",
  });
  await api(alice, "POST", "/deployments", {
    id: deploymentOf(s),
    model: s.model,
    operator: selfHosted ? "self-hosted" : s.vendor,
    operatorJurisdiction: s.jurisdiction,
    regions: ["eu"],
    endpoint: `https://${s.vendor}.example/v1`,
    zeroDataRetention: true,
    trainsOnPrompts: false,
    status: "active",
  });
  const request = await api<{ id: string }>(dave, "POST", "/approval-requests", {
    team: TEAM,
    model: s.model,
    purpose: "chat",
    maxDataClassification: "internal",
    regions: ["eu"],
    justification: "aliases spec",
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
}

const decide = async (body: Record<string, string> = ASK) =>
  api<Answer>(await gatewayToken("acme"), "POST", "/decisions", body);

/** Picks a candidate's model, then (once the model's deployments are listed) its deployment. */
async function chooseCandidate(page: Page, index: number, model: string, deployment?: string): Promise<void> {
  await expect
    .poll(() => page.locator(`#candidate-${index}-model option`).allTextContents(), { timeout: 15_000 })
    .toContainEqual(expect.stringContaining(model));
  await page.locator(`#candidate-${index}-model`).selectOption(model);
  if (!deployment) return;
  await expect
    .poll(() => page.locator(`#candidate-${index}-deployment option`).allTextContents())
    .toContainEqual(expect.stringContaining(deployment));
  await page.locator(`#candidate-${index}-deployment`).selectOption(deployment);
}

beforeAll(async () => {
  const alice = await userToken("alice");
  const dave = await userToken("dave");
  await ensure(dave, "/teams", TEAM, { id: TEAM, name: `Alias team ${RUN_ID}` });
  await supply(alice, dave, FIRST, true);
  await supply(alice, dave, NEXT, false);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  const alice = await userToken("alice");
  await api(alice, "DELETE", `/aliases/${ALIAS}`).catch(() => undefined);
  // Reinstate the vendor so acme's overview does not collect suspensions run after run.
  await api(alice, "PUT", `/vendors/${FIRST.vendor}`, {
    id: FIRST.vendor,
    name: `Vendor ${FIRST.vendor}`,
    jurisdiction: FIRST.jurisdiction,
    suspended: false,
    suspensionReason: null,
  }).catch(() => undefined);
});

describe("aliases", () => {
  it("lets alice create an alias with ordered candidates, the server's problems on the form, and shows where it resolves", async () => {
    const { context, page } = await signIn(browser, "alice", "/aliases");
    await page.getByTestId("create-alias").click();
    await page.locator("#alias-id").fill(FIRST.model); // a model's id: the alias could never win over it
    await page.locator("#alias-description").fill("Chat, wherever the team may");
    await chooseCandidate(page, 0, FIRST.model, deploymentOf(FIRST));
    await page.getByTestId("add-candidate").click();
    await chooseCandidate(page, 1, NEXT.model);
    await page.getByTestId("save-alias").click();
    await expect.poll(() => page.locator("#alias-id-helper").textContent()).toContain("is a model's id");
    expect(await page.getByTestId("error-alert").textContent()).not.toContain("{");
    expect(await accessibilityProblems(page)).toEqual([]);

    await page.locator("#alias-id").fill(ALIAS);
    await page.getByTestId("add-candidate").click();
    await chooseCandidate(page, 2, NEXT.model); // the same candidate twice: refused on its row
    await page.getByTestId("save-alias").click();
    await expect
      .poll(() => page.locator("#candidate-2-helper").textContent())
      .toContain("repeats an earlier candidate");
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "alias-form-error");
    await page.getByTestId("candidate-2-remove").click();
    await page.getByTestId("save-alias").click();

    await page.waitForURL(new RegExp(`/aliases/${ALIAS}$`));
    const published = page.getByTestId("alias-published");
    await published.waitFor();
    expect(await published.locator("li").allTextContents()).toEqual([
      `${FIRST.model} on ${deploymentOf(FIRST)}`,
      NEXT.model,
    ]);
    expect(await page.getByTestId("no-draft").count()).toBe(1);

    // The approvals reach the policy data just after their commit: reload until the team shows.
    const internal = page.getByTestId(`resolution-${TEAM}-chat-internal`);
    await expect
      .poll(
        async () => {
          if ((await internal.count()) === 0) await page.reload();
          return internal.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    expect(await internal.textContent()).toBe(`${FIRST.model} on ${deploymentOf(FIRST)}`);
    expect(await page.getByTestId(`resolution-${TEAM}-chat-confidential`).textContent()).toBe("denied"); // approved up to internal only
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "alias");

    await page.goto(`${PORTOLAN_URL}/aliases`);
    const row = page.getByTestId(`row-${ALIAS}`);
    await row.waitFor();
    expect(await row.locator("li").allTextContents()).toEqual([`${FIRST.model} on ${deploymentOf(FIRST)}`, NEXT.model]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "aliases");
    await context.close();
  });

  it("drafts a reordering, shows the calls it would move, and publishes it", async () => {
    // Calls for the alias through the gateway: they resolve to the first candidate.
    await expect.poll(async () => (await decide()).alias?.model, { timeout: 15_000, interval: 500 }).toBe(FIRST.model);
    for (let i = 0; i < 2; i++) expect((await decide()).route?.deployment).toBe(deploymentOf(FIRST));

    const { context, page } = await signIn(browser, "alice", `/aliases/${ALIAS}`);
    await page.getByTestId("edit-alias").click();
    await page.getByTestId("alias-editor").waitFor();
    await expect.poll(() => page.locator("#candidate-1-model").inputValue()).toBe(NEXT.model);
    await page.getByTestId("candidate-1-up").click();
    expect(await page.locator("#candidate-0-model").inputValue()).toBe(NEXT.model);
    await page.getByTestId("save-alias-draft").click();
    const draft = page.getByTestId("draft-candidates");
    await draft.waitFor();
    expect(await draft.locator("li").allTextContents()).toEqual([
      NEXT.model,
      `${FIRST.model} on ${deploymentOf(FIRST)}`,
    ]);

    // Every logged call asked the same question, so every one moves, all of this run's team.
    const summary = page.getByTestId("impact-summary");
    await summary.waitFor({ timeout: 30_000 });
    const text = (await summary.textContent()) ?? "";
    const [, moved, calls] = /([\d,]+) of ([\d,]+) calls? logged/.exec(text) ?? [];
    expect(Number(calls)).toBeGreaterThanOrEqual(3);
    expect(moved).toBe(calls);
    expect(text).toContain(`for 1 team: ${TEAM}.`);
    const question = page.getByTestId(`impact-${TEAM}-chat-internal-eu-default`);
    expect(await question.textContent()).toContain(`${FIRST.model} on ${deploymentOf(FIRST)}`);
    expect(await question.textContent()).toMatch(new RegExp(`${NEXT.model} on ${deploymentOf(NEXT)}\\s*moves$`));
    const internal = page.getByTestId(`resolution-${TEAM}-chat-internal`);
    await expect
      .poll(() => internal.textContent())
      .toMatch(
        new RegExp(
          `^now: ${FIRST.model} on ${deploymentOf(FIRST)}draft: ${NEXT.model} on ${deploymentOf(NEXT)}\\s*moves$`,
        ),
      );
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "alias-draft-impact");

    // A draft decides nothing until it is published.
    expect((await decide()).alias?.model).toBe(FIRST.model);
    await page.getByTestId("publish-alias").click();
    expect(await page.getByTestId("publish-alias-impact").textContent()).toContain(`for 1 team: ${TEAM}.`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId("confirm-publish-alias").click();
    await page.getByTestId("no-draft").waitFor();
    expect(await page.getByTestId("alias-published").locator("li").allTextContents()).toEqual([
      NEXT.model,
      `${FIRST.model} on ${deploymentOf(FIRST)}`,
    ]);
    await expect.poll(() => internal.textContent()).toBe(`${NEXT.model} on ${deploymentOf(NEXT)}`);
    await expect
      .poll(async () => (await decide()).route?.deployment, { timeout: 15_000, interval: 500 })
      .toBe(deploymentOf(NEXT));
    await context.close();
  });

  it("offers the alias on the try page once the first vendor is suspended, and routes a question for it", async () => {
    const alice = await userToken("alice");
    await api(alice, "PUT", `/vendors/${FIRST.vendor}`, {
      id: FIRST.vendor,
      name: `Vendor ${FIRST.vendor}`,
      jurisdiction: FIRST.jurisdiction,
      suspended: true,
      suspensionReason: "aliases spec",
    });
    const named = { ...ASK, model: FIRST.model };
    await expect
      .poll(async () => (await decide(named)).reasons.map((r) => r.code), { timeout: 15_000, interval: 500 })
      .toContain("vendor_suspended");

    const { context, page } = await signIn(browser, "alice", "/decisions/try");
    await expect
      .poll(() => page.locator("#try-team option").allTextContents(), { timeout: 15_000 })
      .toContain(`Alias team ${RUN_ID} (${TEAM})`);
    await page.locator("#try-team").selectOption(TEAM);
    await page.locator("#try-model").fill(FIRST.model);
    await page.getByTestId("ask-decision").click();
    const offered = page.getByTestId(`alternative-alias-${ALIAS}`);
    await offered.waitFor();
    expect(await page.getByTestId(`alternative-${NEXT.model}`).count()).toBe(1); // and the model itself
    expect(await offered.textContent()).toMatch(
      new RegExp(
        `^ask for the alias ${ALIAS} instead, which resolves to ${NEXT.model} \\(${NEXT.vendor}, FR\\).*routed to ${deploymentOf(NEXT)}`,
      ),
    );

    await page.locator("#try-model").fill(ALIAS);
    await page.getByTestId("ask-decision").click();
    await page.getByTestId("answer-route").waitFor();
    expect(await page.getByTestId("answer-alias").textContent()).toContain(`alias ${ALIAS} resolved to ${NEXT.model}`);
    const route = (await page.getByTestId("answer-route").textContent()) ?? "";
    for (const part of [deploymentOf(NEXT), NEXT.vendor, "FR", "eu", `https://${NEXT.vendor}.example/v1`])
      expect(route).toContain(part);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, "alias-try");
    await context.close();
  });

  it("shows carol the draft's impact without publishing, bob the aliases without the impact; alice discards and deletes", async () => {
    const alice = await userToken("alice");
    await api(alice, "PUT", `/aliases/${ALIAS}/draft`, { candidates: [{ model: FIRST.model }, { model: NEXT.model }] });

    const carol = await signIn(browser, "carol", `/aliases/${ALIAS}`);
    await carol.page.getByTestId("impact-summary").waitFor({ timeout: 30_000 });
    expect(await carol.page.getByTestId("publish-alias").count()).toBe(0);
    expect(await carol.page.getByTestId("edit-alias").count()).toBe(0);
    expect(await accessibilityProblems(carol.page)).toEqual([]);
    await carol.context.close();

    const bob = await signIn(browser, "bob", "/");
    await bob.page.getByRole("navigation", { name: "Screens" }).getByRole("link", { name: "Aliases" }).click();
    await bob.page.getByTestId(`row-${ALIAS}`).waitFor();
    expect(await bob.page.getByTestId("create-alias").count()).toBe(0);
    await bob.page.getByRole("link", { name: ALIAS }).click();
    await bob.page.getByTestId("draft-candidates").waitFor();
    await bob.page.getByTestId("resolution-table").waitFor();
    expect(await bob.page.getByTestId("impact-summary").count()).toBe(0);
    expect(await accessibilityProblems(bob.page)).toEqual([]);
    await bob.context.close();

    const { context, page } = await signIn(browser, "alice", `/aliases/${ALIAS}`);
    await page.getByTestId("discard-alias-draft").click();
    await page.getByTestId("no-draft").waitFor();
    expect(await page.getByTestId("impact-summary").count()).toBe(0);
    await page.getByTestId("delete-alias").click();
    await page.getByTestId("confirm-delete-alias").click();
    await page.waitForURL(/\/aliases$/);
    await page.getByLabel("Filter aliases").waitFor();
    expect(await page.getByTestId(`row-${ALIAS}`).count()).toBe(0);
    expect((await decide()).reasons.map((r) => r.code)).toContain("model_unknown");
    await context.close();
  });
});
