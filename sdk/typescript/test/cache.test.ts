// Pure logic, no network: the decision cache and how answers are read.
import { describe, expect, it } from "vitest";
import { type Decision, DecisionCache, toDecision } from "../dist/index.js";

const request = { team: "research", model: "gpt-4o", purpose: "chat", dataClassification: "internal", region: "eu" };
const t0 = Date.parse("2026-01-01T10:00:00Z");

function answer(policyRevision: string, overrides: Partial<Decision> = {}): Decision {
  return {
    decisionId: `id-${policyRevision}`,
    allow: true,
    reasons: [],
    obligations: [],
    alternatives: [],
    policyRevision,
    evaluatedAt: new Date(t0).toISOString(),
    expiresAt: new Date(t0 + 60_000).toISOString(),
    fromCache: false,
    ...overrides,
  };
}

describe("DecisionCache", () => {
  it("reuses an answer until its expiresAt, marked fromCache", () => {
    const cache = new DecisionCache();
    cache.put(request, answer("1-aaa"), t0);
    expect(cache.get(request, t0 + 59_999)).toMatchObject({ decisionId: "id-1-aaa", fromCache: true });
    expect(cache.get(request, t0 + 60_000)).toBeUndefined();
  });

  it("keys answers by every request field, task tier and deployment included", () => {
    const cache = new DecisionCache();
    cache.put(request, answer("1-aaa"), t0);
    expect(cache.get({ ...request, region: "us" }, t0)).toBeUndefined();
    expect(cache.get({ ...request, taskTier: "routine" }, t0)).toBeUndefined();
    expect(cache.get({ ...request, deployment: "gpt-4o-eu" }, t0)).toBeUndefined();
    expect(cache.get({ ...request }, t0)).toBeDefined();
  });

  it("drops every cached answer when a fresh answer names another policy revision", () => {
    const cache = new DecisionCache();
    const other = { ...request, model: "mistral-large" };
    cache.put(request, answer("1-aaa"), t0);
    cache.put(other, answer("1-aaa"), t0);
    expect(cache.size).toBe(2);

    cache.put({ ...request, model: "llama" }, answer("2-bbb"), t0 + 1000);

    expect(cache.size).toBe(1);
    expect(cache.get(request, t0 + 1000)).toBeUndefined();
    expect(cache.get(other, t0 + 1000)).toBeUndefined();
    expect(cache.get({ ...request, model: "llama" }, t0 + 1000)?.policyRevision).toBe("2-bbb");
  });

  it("never keeps the SDK's own fail-closed answers", () => {
    const cache = new DecisionCache();
    cache.put(request, answer("1-aaa", { decisionId: undefined, policyRevision: undefined }), t0);
    expect(cache.size).toBe(0);
  });

  it("does not stretch an answer's lifetime when the local clock runs behind Portolan's", () => {
    const cache = new DecisionCache();
    const localNow = t0 - 3_600_000; // an hour behind
    cache.put(request, answer("1-aaa"), localNow);
    expect(cache.get(request, localNow + 59_000)).toBeDefined();
    expect(cache.get(request, localNow + 61_000)).toBeUndefined();
  });
});

describe("toDecision", () => {
  it("reads the known fields, ignores unknown ones and treats anything but allow=true as a refusal", () => {
    const decision = toDecision({
      decisionId: "d1",
      allow: "yes",
      reasons: [{ code: "model_unknown", message: "no such model", rule: "model_unknown", extra: 1 }],
      alternatives: [{ model: "m", vendor: "v", jurisdiction: "FR", why: "cheaper", score: 3 }],
      policyRevision: "3-abc",
      evaluatedAt: "2026-01-01T10:00:00Z",
      expiresAt: "2026-01-01T10:01:00Z",
      somethingNew: { nested: true },
    });
    expect(decision).toEqual({
      decisionId: "d1",
      allow: false,
      reasons: [{ code: "model_unknown", message: "no such model", rule: "model_unknown" }],
      obligations: [],
      alternatives: [{ model: "m", vendor: "v", jurisdiction: "FR", why: "cheaper" }],
      policyRevision: "3-abc",
      evaluatedAt: "2026-01-01T10:00:00Z",
      expiresAt: "2026-01-01T10:01:00Z",
      fromCache: false,
    });
  });

  it("reads the route of an allowed answer and of each alternative, leaving out what is absent", () => {
    const own = {
      deployment: "llama-own-eu",
      model: "llama",
      operator: "self-hosted",
      operatorJurisdiction: "FR",
      region: "eu",
    };
    const allowed = toDecision({ allow: true, route: { ...own, endpoint: "https://llm.example.eu/v1", weight: 3 } });
    expect(allowed.route).toEqual({ ...own, endpoint: "https://llm.example.eu/v1" });
    expect(toDecision({ allow: true, route: own }).route).toEqual(own); // no endpoint recorded
    expect(toDecision({ allow: true, route: { ...own, endpoint: null } }).route).toEqual(own);
    for (const broken of [null, "llama-own-eu", {}, { deployment: "" }, { deployment: 7 }]) {
      expect("route" in toDecision({ allow: true, route: broken })).toBe(false);
    }
    const denied = toDecision({ allow: false, alternatives: [{ model: "llama", route: own }, { model: "mistral" }] });
    expect("route" in denied).toBe(false);
    expect(denied.alternatives.map((a) => a.route?.deployment)).toEqual(["llama-own-eu", undefined]);
    expect("route" in denied.alternatives[1]).toBe(false);
  });

  it("reads the alias a question asked for with the model it resolved to, null or absent when none may be used", () => {
    const route = {
      deployment: "llama-own-eu",
      model: "llama",
      operator: "self-hosted",
      operatorJurisdiction: "FR",
      region: "eu",
    };
    const allowed = toDecision({ allow: true, route, alias: { name: "chat-default", model: "llama", extra: 1 } });
    expect(allowed.alias).toEqual({ name: "chat-default", model: "llama" });
    expect(allowed.route?.model).toBe(allowed.alias?.model);
    const cache = new DecisionCache();
    const chat = { ...request, model: "chat-default" };
    cache.put(chat, answer("1-aaa", { alias: allowed.alias, route: allowed.route }), t0);
    expect(cache.get(chat, t0 + 1_000)?.alias).toEqual({ name: "chat-default", model: "llama" });
    for (const unresolved of [
      { name: "chat-default", model: null },
      { name: "chat-default" },
      { name: "chat-default", model: "" },
    ]) {
      const denied = toDecision({
        allow: false,
        reasons: [{ code: "alias_unresolved", message: "m", rule: "r" }],
        alias: unresolved,
      });
      expect(denied.alias).toEqual({ name: "chat-default" });
      expect("model" in (denied.alias ?? {})).toBe(false);
      expect(denied.reasons.map((r) => r.code)).toEqual(["alias_unresolved"]);
    }
    expect("alias" in toDecision({ allow: true, route })).toBe(false); // a question for a model
    for (const broken of [null, "chat-default", {}, { name: "" }, { name: 7, model: "llama" }]) {
      expect("alias" in toDecision({ allow: true, alias: broken })).toBe(false);
    }
  });

  it("reads the alias an alternative names, leaving it out elsewhere", () => {
    const denied = toDecision({
      allow: false,
      alternatives: [
        {
          model: "llama",
          vendor: "meta",
          jurisdiction: "US",
          why: "w",
          alias: "chat-default",
          route: { deployment: "llama-own-eu", model: "llama" },
        },
        { model: "mistral", alias: null },
        { model: "gpt" },
      ],
    });
    expect(denied.alternatives.map((a) => a.alias)).toEqual(["chat-default", undefined, undefined]);
    expect(denied.alternatives[0]).toMatchObject({
      model: "llama",
      alias: "chat-default",
      route: { deployment: "llama-own-eu" },
    });
    expect("alias" in denied.alternatives[1]).toBe(false);
    expect("alias" in denied).toBe(false);
  });

  it("keeps a budget warning's remaining budget and currency", () => {
    const decision = toDecision({
      allow: true,
      obligations: [{ code: "budget_warning", message: "m", remainingMicros: 150000, currency: "USD" }],
    });
    expect(decision.obligations).toEqual([
      { code: "budget_warning", message: "m", remainingMicros: 150000, currency: "USD" },
    ]);
  });

  it("keeps a scheduled cut-off's date and where to move, and leaves them off other obligations", () => {
    const decision = toDecision({
      allow: true,
      obligations: [
        { code: "cut_off_scheduled", message: "m", cutOffAt: "2027-01-31T00:00:00Z", alternatives: ["a", "b"] },
        { code: "jurisdiction_watchlisted", message: "w" },
      ],
    });
    expect(decision.obligations).toEqual([
      { code: "cut_off_scheduled", message: "m", cutOffAt: "2027-01-31T00:00:00Z", alternatives: ["a", "b"] },
      { code: "jurisdiction_watchlisted", message: "w" },
    ]);
  });
});
