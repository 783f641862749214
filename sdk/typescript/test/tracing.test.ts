// No network: a fake fetch plays Keycloak and Portolan and records what the SDK sends. Every request
// to Portolan carries the caller's W3C trace context, from the traceHeaders hook or the active
// OpenTelemetry context.
import { context, propagation, trace, TraceFlags } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortolanClient, type PortolanClientOptions } from "../dist/index.js";
import { loadOpenTelemetry, pickTraceContext, traceContext } from "../dist/trace.js";
import type { Call } from "./support.js";

const TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
const TRACESTATE = "vendor=opaque";
const ASK = ["g-research", "g-gpt", "chat", "internal", "us"] as const;

/** A fetch that answers like Keycloak (/token) and Portolan, recording each call. */
function fakeFetch(): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fake: typeof fetch = async (input, init) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? "GET", headers: new Headers(init?.headers) });
    if (url.endsWith("/token")) return json(200, { access_token: "t", expires_in: 300 });
    if (url.endsWith("/api/v1/decisions")) {
      const now = Date.now();
      return json(200, {
        decisionId: "d1",
        allow: true,
        policyRevision: "1-abc",
        evaluatedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 60_000).toISOString(),
      });
    }
    if (url.includes("/models")) return json(200, { models: [] });
    return json(201, {});
  };
  return { fetch: fake, calls };
}

function client(fetchImpl: typeof globalThis.fetch, options: Partial<PortolanClientOptions> = {}): PortolanClient {
  return new PortolanClient({
    portolanUrl: "http://portolan.test",
    tokenUrl: "http://keycloak.test/token",
    clientId: "id",
    clientSecret: "secret",
    usageFlushIntervalMs: 60_000,
    fetch: fetchImpl,
    ...options,
  });
}

const apiCalls = (calls: Call[]) => calls.filter((c) => c.url.includes("/api/"));

/** One of each request the SDK makes to Portolan, usage flushed by the caller. */
async function exercise(portolan: PortolanClient): Promise<void> {
  await portolan.decide(...ASK);
  await portolan.allowedModels("g-research", "chat", "internal", "us");
  portolan.reportUsage({ decisionId: "d1", model: "g-gpt", inputTokens: 1, outputTokens: 1, latencyMs: 1 });
  expect(await portolan.flush()).toEqual({ sent: 1, pending: 0 });
}

describe("trace context", () => {
  it("sends the hook's traceparent and tracestate on every request to Portolan, and nothing else of it", async () => {
    const { fetch, calls } = fakeFetch();
    const portolan = client(fetch, {
      traceHeaders: () => ({
        Traceparent: TRACEPARENT,
        tracestate: TRACESTATE,
        Authorization: "Bearer stolen",
        baggage: "user=alice",
      }),
    });
    await exercise(portolan);
    await portolan.close();

    const sent = apiCalls(calls);
    expect(sent.map((c) => `${c.method} ${new URL(c.url).pathname}`)).toEqual([
      "POST /api/v1/decisions",
      "GET /api/v1/teams/g-research/models",
      "POST /api/v1/usage",
    ]);
    for (const call of sent) {
      expect(call.headers.get("traceparent")).toBe(TRACEPARENT);
      expect(call.headers.get("tracestate")).toBe(TRACESTATE);
      expect(call.headers.get("authorization")).toBe("Bearer t");
      expect(call.headers.get("baggage")).toBeNull();
    }
    const token = calls.find((c) => c.url.endsWith("/token"))!;
    expect(token.headers.get("traceparent")).toBeNull(); // Keycloak is not Portolan
  });

  it("makes no request, so sends no header, for a cached decision", async () => {
    const { fetch, calls } = fakeFetch();
    const portolan = client(fetch, { traceHeaders: () => ({ traceparent: TRACEPARENT }) });
    const first = await portolan.decide(...ASK);
    const second = await portolan.decide(...ASK);
    await portolan.close();
    expect([first.fromCache, second.fromCache, second.decisionId]).toEqual([false, true, "d1"]);
    expect(apiCalls(calls)).toHaveLength(1);
  });

  it("sends none without a trace context, and a broken hook costs the trace, never the decision", async () => {
    const hooks = [
      undefined,
      () => ({}),
      () => {
        throw new Error("no span here");
      },
      () => ({ traceparent: "bad\r\nX-Injected: 1" }),
    ];
    for (const traceHeaders of hooks) {
      const { fetch, calls } = fakeFetch();
      const portolan = client(fetch, { traceHeaders });
      expect((await portolan.decide(...ASK)).allow).toBe(true);
      await portolan.close();
      const [call] = apiCalls(calls);
      expect(call.headers.get("traceparent")).toBeNull();
      expect(call.headers.get("x-injected")).toBeNull();
    }
  });

  it("sends usage from the background timer without a trace context: it belongs to no caller", async () => {
    const { fetch, calls } = fakeFetch();
    const portolan = client(fetch, { usageFlushIntervalMs: 20, traceHeaders: () => ({ traceparent: TRACEPARENT }) });
    portolan.reportUsage({ decisionId: "d1", model: "g-gpt", inputTokens: 1, outputTokens: 1, latencyMs: 1 });
    for (let waited = 0; apiCalls(calls).length === 0 && waited < 5000; waited += 10)
      await new Promise((r) => setTimeout(r, 10));
    await portolan.close();
    const [usage, ...rest] = apiCalls(calls);
    expect(rest).toEqual([]);
    expect(new URL(usage.url).pathname).toBe("/api/v1/usage");
    expect(usage.headers.get("traceparent")).toBeNull();
  });

  it("sends nothing when @opentelemetry/api is missing and no hook is given", () => {
    expect(traceContext(undefined, undefined)).toEqual({});
    expect(traceContext(() => ({ traceparent: TRACEPARENT }), undefined)).toEqual({ traceparent: TRACEPARENT });
    expect(pickTraceContext({ TRACESTATE: " a=b ", "content-type": "x" })).toEqual({ tracestate: "a=b" });
  });
});

describe("trace context with OpenTelemetry", () => {
  beforeAll(() => {
    // What an application's OpenTelemetry setup registers (NodeSDK does the same).
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  const span = () =>
    trace.wrapSpanContext({
      traceId: "0af7651916cd43dd8448eb211c80319c",
      spanId: "b7ad6b7169203331",
      traceFlags: TraceFlags.SAMPLED,
    });

  it("is found and loaded by the SDK", async () => {
    expect(await loadOpenTelemetry()).toBeDefined();
  });

  it("continues the active span: its trace id and span id on every request", async () => {
    const { fetch, calls } = fakeFetch();
    const portolan = client(fetch);
    const active = span();
    await context.with(trace.setSpan(context.active(), active), () => exercise(portolan));
    await portolan.decide(...ASK); // cached, outside the span: no request
    await portolan.close();

    const sent = apiCalls(calls);
    expect(sent).toHaveLength(3);
    const { traceId, spanId } = active.spanContext();
    for (const call of sent) expect(call.headers.get("traceparent")).toBe(`00-${traceId}-${spanId}-01`);
  });

  it("sends nothing outside a span, and the hook wins over OpenTelemetry", async () => {
    const { fetch, calls } = fakeFetch();
    const plain = client(fetch);
    await plain.decide(...ASK);
    await plain.close();
    expect(apiCalls(calls)[0].headers.get("traceparent")).toBeNull();

    const hooked = fakeFetch();
    const portolan = client(hooked.fetch, { traceHeaders: () => ({ traceparent: TRACEPARENT }) });
    await context.with(trace.setSpan(context.active(), span()), () => portolan.decide(...ASK));
    await portolan.close();
    expect(apiCalls(hooked.calls)[0].headers.get("traceparent")).toBe(TRACEPARENT);
  });
});
