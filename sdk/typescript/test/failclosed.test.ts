// When Portolan cannot answer, decide() refuses (or, with failOpen, allows with a warning) instead
// of throwing. A closed port and a silent socket stand in for an unreachable or hanging Portolan;
// the 5xx case needs a local stub, as the real stack cannot be made to answer 503 on demand.
import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { PortolanUnavailableError } from "../dist/index.js";
import { closedPort, initechClient, silentServer } from "./support.js";

/** The longest decide() may take: every attempt timing out, plus the largest backoff between them. */
function worstCaseMs(timeoutMs: number, retries: number): number {
  let backoff = 0;
  for (let attempt = 0; attempt < retries; attempt++) backoff += Math.min(2000, 100 * 2 ** attempt);
  return timeoutMs * (retries + 1) + backoff;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

describe("fail closed", () => {
  it("refuses with portolan_unavailable when Portolan's port is closed, within timeout and retries", async () => {
    const client = initechClient({ portolanUrl: `http://127.0.0.1:${await closedPort()}` });
    const { result: decision, ms } = await timed(() => client.decide("g-research", "g-gpt", "chat", "internal", "us"));

    expect(decision.allow).toBe(false);
    expect(decision.decisionId).toBeUndefined();
    expect(decision.reasons).toHaveLength(1);
    expect(decision.reasons[0]).toMatchObject({ code: "portolan_unavailable", rule: "sdk" });
    expect(decision.reasons[0].message).toMatch(/3 attempt.*ECONNREFUSED/);
    expect(ms).toBeLessThan(worstCaseMs(2000, 2));
    await client.close();
  });

  it("allows with a portolan_unavailable warning when failOpen is set", async () => {
    const client = initechClient({ portolanUrl: `http://127.0.0.1:${await closedPort()}`, failOpen: true });
    const decision = await client.decide("g-research", "g-gpt", "chat", "internal", "us");

    expect(decision.allow).toBe(true);
    expect(decision.decisionId).toBeUndefined();
    expect(decision.obligations.map((o) => o.code)).toEqual(["portolan_unavailable"]);
    await client.close();
  });

  it("gives up on a Portolan that never answers after timeout x (retries + 1)", async () => {
    const hanging = await silentServer();
    const client = initechClient({ portolanUrl: `http://127.0.0.1:${hanging.port}`, timeoutMs: 300, retries: 1 });
    try {
      const { result: decision, ms } = await timed(() =>
        client.decide("g-research", "g-gpt", "chat", "internal", "us"),
      );
      expect(decision.allow).toBe(false);
      expect(decision.reasons[0].code).toBe("portolan_unavailable");
      expect(decision.reasons[0].message).toMatch(/2 attempt.*timed out after 300 ms/);
      expect(ms).toBeGreaterThanOrEqual(600 - 20);
      expect(ms).toBeLessThan(worstCaseMs(300, 1) + 1500); // slack for the token request and a busy machine
    } finally {
      await client.close();
      await hanging.close();
    }
  });

  it.each([
    [
      503,
      "application/problem+json",
      JSON.stringify({ title: "Policy engine unavailable", status: 503 }),
      /answered 503 \(Policy engine unavailable\)/,
    ],
    // What Payara answers while Portolan is being redeployed: an HTML 404, not Portolan's problem+json.
    [404, "text/html", "<html><body>Not Found</body></html>", /answered 404 without a problem document/],
  ])("retries a %i %s answer exactly `retries` times, then refuses", async (status, contentType, body, message) => {
    let attempts = 0;
    const failing = createServer((_request, response) => {
      attempts++;
      response.writeHead(status, { "Content-Type": contentType });
      response.end(body);
    });
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    const client = initechClient({
      portolanUrl: `http://127.0.0.1:${(failing.address() as { port: number }).port}`,
      retries: 2,
    });
    try {
      const decision = await client.decide("g-research", "g-gpt", "chat", "internal", "us");
      expect(decision.allow).toBe(false);
      expect(decision.reasons[0].code).toBe("portolan_unavailable");
      expect(decision.reasons[0].message).toMatch(message);
      expect(attempts).toBe(3);
    } finally {
      await client.close();
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  it("refuses when the token endpoint is unreachable too", async () => {
    const port = await closedPort();
    const client = initechClient({
      portolanUrl: `http://127.0.0.1:${port}`,
      tokenUrl: `http://127.0.0.1:${port}/realms/portolan/protocol/openid-connect/token`,
      retries: 1,
    });
    const decision = await client.decide("g-research", "g-gpt", "chat", "internal", "us");
    expect(decision.allow).toBe(false);
    expect(decision.reasons[0].message).toMatch(/token endpoint/);
    await client.close();
  });

  it("throws PortolanUnavailableError from allowedModels, which has no safe default", async () => {
    const client = initechClient({ portolanUrl: `http://127.0.0.1:${await closedPort()}`, retries: 0 });
    await expect(client.allowedModels("g-research", "chat", "internal", "eu")).rejects.toBeInstanceOf(
      PortolanUnavailableError,
    );
    await client.close();
  });
});
