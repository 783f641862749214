// Where an allowed call goes (the answer's route) and questions naming a deployment, against the real
// stack: a model of its own (g-route-ts) with two deployments, created through the API in tenant initech
// by officer ivan (requester ian asks for team g-routing's approval), and an alias (g-alias-ts) whose
// first candidate is that model; kept between runs, reset at each.
import { beforeAll, describe, expect, it } from "vitest";
import { api, initechClient } from "./support.js";

const OFFICER = "ivan";
const REQUESTER = "ian";
const MODEL = "g-route-ts";
const TEAM = "g-routing";
const FIRST = `${MODEL}-a`; // alike but for the endpoint: the policy ranks them by id
const SECOND = `${MODEL}-b`;
const ENDPOINT = "https://llm-a.route.example/v1";
const ALIAS = "g-alias-ts";

function deployment(id: string, endpoint?: string) {
  return {
    id,
    model: MODEL,
    operator: "self-hosted",
    operatorJurisdiction: "FR",
    regions: ["eu", "us"],
    zeroDataRetention: true,
    trainsOnPrompts: false,
    status: "active",
    ...(endpoint ? { endpoint } : {}),
  };
}

beforeAll(async () => {
  const items: [string, unknown][] = [
    ["/api/v1/vendors", { id: "g-route-labs", name: "Route Labs", jurisdiction: "FR" }],
    // A capability of its own: never an alternative for the golden teams' models.
    [
      "/api/v1/models",
      {
        id: MODEL,
        displayName: "Routed (TypeScript SDK tests)",
        vendor: "g-route-labs",
        hostingRegions: ["eu", "us"],
        openWeights: true,
        selfHostable: true,
        licence: "Apache-2.0",
        capabilities: ["route-fixture"],
        costTier: "low",
        status: "approved",
      },
    ],
    ["/api/v1/teams", { id: TEAM, name: "Routing tests" }],
  ];
  for (const [path, body] of items) {
    expect([201, 409]).toContain((await api("POST", path, OFFICER, body)).status);
  }
  for (const body of [deployment(FIRST, ENDPOINT), deployment(SECOND)]) {
    let saved = await api("POST", "/api/v1/deployments", OFFICER, body);
    if (saved.status === 409) saved = await api("PUT", `/api/v1/deployments/${body.id}`, OFFICER, body);
    expect([200, 201], JSON.stringify(saved.body)).toContain(saved.status);
  }
  const approvals = await api<{ items: { model: string; purpose: string }[] }>(
    "GET",
    `/api/v1/approvals?team=${TEAM}&size=500`,
    OFFICER,
  );
  if (!approvals.body.items.some((a) => a.model === MODEL && a.purpose === "chat")) {
    const request = await api<{ id: string }>("POST", "/api/v1/approval-requests", REQUESTER, {
      team: TEAM,
      model: MODEL,
      purpose: "chat",
      maxDataClassification: "internal",
      regions: ["eu", "us"],
      justification: "TypeScript SDK routing tests",
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const decided = await api<{ status: string }>(
      "POST",
      `/api/v1/approval-requests/${request.body.id}/decision`,
      OFFICER,
      {
        outcome: "approve",
      },
    );
    expect(decided.body.status).toBe("approved");
  }
  const alias = { id: ALIAS, description: "TypeScript SDK alias tests", candidates: [{ model: MODEL }] };
  let saved = await api("POST", "/api/v1/aliases", OFFICER, alias);
  if (saved.status === 409) {
    // Left by an earlier run: put its candidates back through a draft.
    const drafted = await api("PUT", `/api/v1/aliases/${ALIAS}/draft`, OFFICER, alias);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    saved = await api("POST", `/api/v1/aliases/${ALIAS}/publish`, OFFICER, {});
  }
  expect([200, 201], JSON.stringify(saved.body)).toContain(saved.status);
});

describe("routes", () => {
  it("an allowed answer routes to the best deployment", async () => {
    const client = initechClient();
    const decision = await client.decide(TEAM, MODEL, "chat", "internal", "eu");
    await client.close();
    expect(decision.allow).toBe(true);
    expect(decision.route).toEqual({
      deployment: FIRST,
      model: MODEL,
      operator: "self-hosted",
      operatorJurisdiction: "FR",
      region: "eu",
      endpoint: ENDPOINT,
    });
  });

  it("a question naming a deployment is decided on it, and cached apart", async () => {
    const client = initechClient();
    const named = await client.decide(TEAM, MODEL, "chat", "internal", "us", undefined, SECOND);
    const again = await client.decide(TEAM, MODEL, "chat", "internal", "us", undefined, SECOND);
    const unnamed = await client.decide(TEAM, MODEL, "chat", "internal", "us");
    await client.close();
    expect(named.allow).toBe(true);
    // It records no endpoint, so the route has none.
    expect(named.route).toEqual({
      deployment: SECOND,
      model: MODEL,
      operator: "self-hosted",
      operatorJurisdiction: "FR",
      region: "us",
    });
    expect(again.fromCache).toBe(true);
    expect(unnamed.fromCache).toBe(false);
    expect(unnamed.route?.deployment).toBe(FIRST);
  });

  it("a deployment of another model is denied and routes nowhere", async () => {
    const client = initechClient();
    const decision = await client.decide(TEAM, MODEL, "chat", "internal", "eu", undefined, "g-gpt");
    await client.close();
    expect(decision.allow).toBe(false);
    expect(decision.reasons.map((r) => r.code)).toEqual(["deployment_unknown"]);
    expect(decision.route).toBeUndefined();
  });

  it("alternatives and the model list say where each model would go", async () => {
    const client = initechClient();
    const denied = await client.decide(TEAM, `${MODEL}-missing`, "chat", "internal", "eu");
    const listed = await client.allowedModels(TEAM, "chat", "internal", "eu");
    await client.close();
    expect(denied.reasons.map((r) => r.code)).toEqual(["model_unknown"]);
    const mine = denied.alternatives.filter((a) => a.model === MODEL);
    expect(mine).toHaveLength(1);
    expect(mine[0].route).toMatchObject({ deployment: FIRST, endpoint: ENDPOINT });
    expect(listed.filter((m) => m.model === MODEL).map((m) => m.route)).toEqual([mine[0].route]);
  });

  it("a question for an alias is decided and routed on the model it resolves to", async () => {
    const client = initechClient();
    const decision = await client.decide(TEAM, ALIAS, "chat", "internal", "eu");
    const again = await client.decide(TEAM, ALIAS, "chat", "internal", "eu");
    const plain = await client.decide(TEAM, MODEL, "chat", "internal", "eu");
    await client.close();
    expect(decision.allow, JSON.stringify(decision.reasons)).toBe(true);
    expect(decision.alias).toEqual({ name: ALIAS, model: MODEL });
    expect(decision.route).toMatchObject({ deployment: FIRST, model: MODEL });
    expect(again).toMatchObject({ fromCache: true, alias: { name: ALIAS, model: MODEL } });
    expect(plain.allow).toBe(true);
    expect("alias" in plain).toBe(false); // a question for the model itself names no alias
  });
});
