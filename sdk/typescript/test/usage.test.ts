// Pure logic, no network: how the usage queue batches, keeps and resends reports.
import { describe, expect, it } from "vitest";
import { PortolanProblemError, PortolanUnavailableError, type UsageReport } from "../dist/index.js";
import { type UsageBatch, UsageQueue } from "../dist/usage.js";

const report = (inputTokens: number): UsageReport => ({
  decisionId: "6f1c0000-0000-4000-8000-000000000000",
  model: "gpt-4o",
  inputTokens,
  outputTokens: 1,
  latencyMs: 1,
});

function queue(send: (batch: UsageBatch) => Promise<void>, errors: UsageReport[][] = []) {
  return new UsageQueue(send, {
    batchSize: 2,
    intervalMs: 60_000,
    maxQueued: 3,
    onError: (_e, reports) => errors.push(reports),
  });
}

describe("UsageQueue", () => {
  it("keeps an undelivered batch first in line and resends it unchanged, under the same key", async () => {
    const attempts: UsageBatch[] = [];
    let reachable = false;
    const usage = queue(async (batch) => {
      attempts.push(structuredClone(batch));
      if (!reachable) throw new PortolanUnavailableError("connection refused");
    });
    const firstKey = usage.add(report(1));
    usage.add(report(2));
    usage.add(report(3));

    expect(await usage.flush()).toEqual({ sent: 0, pending: 3 });
    reachable = true;
    expect(await usage.close()).toEqual({ sent: 3, pending: 0 });

    expect(attempts.map((b) => b.reports.map((r) => r.inputTokens))).toEqual([[1, 2], [1, 2], [3]]);
    expect(attempts[0].idempotencyKey).toBe(firstKey);
    expect(attempts[1].idempotencyKey).toBe(firstKey);
    expect(attempts[2].idempotencyKey).not.toBe(firstKey);
  });

  it("drops a batch Portolan refuses (4xx), reports it and goes on with the rest", async () => {
    const errors: UsageReport[][] = [];
    const usage = queue(async (batch) => {
      if (batch.reports[0].inputTokens === 1)
        throw new PortolanProblemError({ status: 422, title: "Unknown decision" });
    }, errors);
    usage.add(report(1));
    usage.add(report(2));
    usage.add(report(3));
    expect(await usage.close()).toEqual({ sent: 1, pending: 0 });
    expect(errors.map((reports) => reports.length)).toEqual([2]);
  });

  it("bounds the queue, dropping the oldest report, and refuses reports after close()", async () => {
    const errors: UsageReport[][] = [];
    const usage = queue(async () => {
      throw new PortolanUnavailableError("down");
    }, errors);
    usage.add(report(1));
    usage.add(report(2)); // a full batch: cut and tried at once, then kept as unsent
    await usage.flush();
    for (const n of [3, 4, 5, 6]) usage.add(report(n));
    expect(errors.flat().map((r) => r.inputTokens)).toEqual([3]);
    await usage.close();
    expect(() => usage.add(report(7))).toThrow(/closed/);
  });
});
