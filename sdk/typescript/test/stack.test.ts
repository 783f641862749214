// The SDK against the real test stack: tenant initech, seeded by sdk/testdata/seed-golden.sh.
import { describe, expect, it } from "vitest";
import { PortolanProblemError } from "../dist/index.js";
import { golden, initechClient, PORTOLAN_URL, spyingFetch, TOKEN_URL, userToken } from "./support.js";

const ALLOWED = ["g-research", "g-gpt", "chat", "internal", "us"] as const; // golden: allowed

const isDecisionCall = (url: string) => url === `${PORTOLAN_URL}/api/v1/decisions`;
const isUsageCall = (url: string) => url === `${PORTOLAN_URL}/api/v1/usage`;

interface UsageRow {
  decisionId: string;
  model: string;
  inputTokens: number;
  idempotencyKey: string;
}

/** Reported usage as an auditor sees it: ian is initech's tenant-admin, who may read the audit log. */
async function usageSince(from: Date): Promise<UsageRow[]> {
  const response = await fetch(`${PORTOLAN_URL}/api/v1/audit/usage?format=ndjson&from=${from.toISOString()}`, {
    headers: { Authorization: `Bearer ${await userToken("ian")}` },
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as UsageRow);
}

describe("tokens", () => {
  it("fetches one token and reuses it for every call", async () => {
    const spy = spyingFetch();
    const client = initechClient({ fetch: spy.fetch });
    await client.decide(...ALLOWED);
    await client.decide("g-research", "g-llama", "chat", "restricted", "eu");
    await client.allowedModels("g-research", "chat", "internal", "eu");
    await client.close();

    expect(spy.calls.filter((call) => call.url === TOKEN_URL)).toHaveLength(1);
    expect(client.tokenFetches).toBe(1);
    const bearers = new Set(
      spy.calls.filter((call) => call.url.startsWith(PORTOLAN_URL)).map((call) => call.headers.get("authorization")),
    );
    expect(bearers.size).toBe(1);
  });

  it("fetches a fresh token once when Portolan answers 401", async () => {
    let spoiled = false;
    // The first call to Portolan carries a token Portolan refuses, as a revoked or early-expired one would be.
    const spoilFirstToken: typeof fetch = (input, init) => {
      if (!spoiled && String(input).startsWith(PORTOLAN_URL)) {
        spoiled = true;
        init = {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), Authorization: "Bearer not-a-token" },
        };
      }
      return fetch(input, init);
    };
    const client = initechClient({ fetch: spoilFirstToken, retries: 0 });
    const decision = await client.decide(...ALLOWED);
    await client.close();

    expect(decision.decisionId).toBeTruthy();
    expect(decision.allow).toBe(true);
    expect(client.tokenFetches).toBe(2);
  });

  it("throws a typed problem error for wrong client credentials", async () => {
    const client = initechClient({ clientSecret: "wrong-secret" });
    const error = await client.decide(...ALLOWED).catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(PortolanProblemError);
    expect((error as PortolanProblemError).status).toBe(401);
  });
});

describe("decisions", () => {
  it("answers a repeated decision from the cache, without asking Portolan again", async () => {
    const spy = spyingFetch();
    const client = initechClient({ fetch: spy.fetch });
    const first = await client.decide(...ALLOWED);
    const second = await client.decide(...ALLOWED);
    await client.close();

    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.decisionId).toBe(first.decisionId);
    expect(second.allow).toBe(true);
    expect(spy.calls.filter((call) => isDecisionCall(call.url))).toHaveLength(1);
  });

  it("throws PortolanProblemError naming the field for a bad request", async () => {
    const client = initechClient();
    const error = await client.decide("g-research", "g-gpt", "chat", "secret", "eu").catch((e: unknown) => e);
    await client.close();

    expect(error).toBeInstanceOf(PortolanProblemError);
    const problem = error as PortolanProblemError;
    expect(problem.status).toBe(400);
    expect(problem.type).toMatch(/\/validation$/);
    expect(problem.title).toBeTruthy();
    expect(problem.detail).toMatch(/dataClassification/);
    expect(problem.errors.map((e) => e.field)).toEqual(["dataClassification"]);
  });
});

describe("allowedModels", () => {
  it("lists for g-research exactly the golden models that decide() allows", async () => {
    const client = initechClient();
    const listed = await client.allowedModels("g-research", "chat", "internal", "eu");
    const allowed: string[] = [];
    for (const { id } of golden.models) {
      if ((await client.decide("g-research", id, "chat", "internal", "eu")).allow) allowed.push(id);
    }
    await client.close();

    const approved = new Set(
      golden.approvals.filter((a) => a.team === "g-research" && a.purpose === "chat").map((a) => a.model),
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((m) => m.model).sort()).toEqual(allowed.sort());
    for (const model of listed) {
      expect(approved).toContain(model.model);
      expect(Array.isArray(model.obligations)).toBe(true);
    }
  });
});

describe("usage", () => {
  it("sends reports as one batch, and a batch retried after a lost answer is stored once", async () => {
    const since = new Date(Date.now() - 5000);
    const usageCalls: { key: string | null; body: unknown; status?: number }[] = [];
    // Portolan stores the first batch, but its answer is lost on the way back: the SDK must retry
    // with the same Idempotency-Key, and Portolan must not store the reports twice.
    const loseFirstUsageAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (isUsageCall(String(input))) {
        const headers = init?.headers as Record<string, string>;
        usageCalls.push({
          key: headers["Idempotency-Key"],
          body: JSON.parse(String(init?.body)),
          status: response.status,
        });
        if (usageCalls.length === 1) throw new TypeError("fetch failed (answer lost)");
      }
      return response;
    };
    const client = initechClient({ fetch: loseFirstUsageAnswer });
    const decision = await client.decide(...ALLOWED);
    expect(decision.decisionId).toBeTruthy();
    for (const inputTokens of [11, 12, 13]) {
      client.reportUsage({
        decisionId: decision.decisionId!,
        model: "g-gpt",
        inputTokens,
        outputTokens: 7,
        latencyMs: 42,
      });
    }
    const flushed = await client.flush();
    await client.close();

    expect(flushed).toEqual({ sent: 3, pending: 0 });
    expect(usageCalls).toHaveLength(2);
    expect(usageCalls[1].key).toBe(usageCalls[0].key);
    expect(usageCalls[0].body).toHaveLength(3);
    expect(usageCalls.map((call) => call.status)).toEqual([201, 200]); // stored, then replayed

    const stored = (await usageSince(since)).filter((row) => row.idempotencyKey === usageCalls[0].key);
    expect(stored.map((row) => row.inputTokens).sort()).toEqual([11, 12, 13]);
    expect(stored.every((row) => row.decisionId === decision.decisionId)).toBe(true);
  });

  it("sends queued reports from the background timer, without flush()", async () => {
    const spy = spyingFetch();
    const client = initechClient({ fetch: spy.fetch, usageFlushIntervalMs: 200 });
    const decision = await client.decide(...ALLOWED);
    client.reportUsage({
      decisionId: decision.decisionId!,
      model: "g-gpt",
      inputTokens: 1,
      outputTokens: 1,
      latencyMs: 1,
    });

    await until(() => spy.calls.some((call) => isUsageCall(call.url)), 3000);
    await until(() => client.pendingUsage === 0, 3000);
    expect(await client.close()).toEqual({ sent: 0, pending: 0 });
  });

  it("sends a full batch at once, without waiting for the timer", async () => {
    const spy = spyingFetch();
    const client = initechClient({ fetch: spy.fetch, usageFlushIntervalMs: 60_000, usageBatchSize: 2 });
    const decision = await client.decide(...ALLOWED);
    const report = { decisionId: decision.decisionId!, model: "g-gpt", inputTokens: 1, outputTokens: 1, latencyMs: 1 };
    client.reportUsage(report);
    client.reportUsage(report);

    await until(() => client.pendingUsage === 0, 3000);
    const posts = spy.calls.filter((call) => isUsageCall(call.url));
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0].body!)).toHaveLength(2);
    expect(await client.close()).toEqual({ sent: 0, pending: 0 });
  });

  it("drops a batch Portolan refuses for good (unknown decision) and says so", async () => {
    const refused: number[] = [];
    const client = initechClient({ onUsageError: (_error, reports) => refused.push(reports.length) });
    client.reportUsage({
      decisionId: "00000000-0000-4000-8000-000000000000",
      model: "g-gpt",
      inputTokens: 1,
      outputTokens: 1,
      latencyMs: 1,
    });
    expect(await client.close()).toEqual({ sent: 0, pending: 0 });
    expect(refused).toEqual([1]);
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
