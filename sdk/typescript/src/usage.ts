import { randomUUID } from "node:crypto";
import { PortolanProblemError } from "./errors.js";
import type { FlushResult, UsageReport } from "./types.js";

/** A batch as sent: once cut it never changes, so a retry carries the same key and the same reports. */
export interface UsageBatch {
  idempotencyKey: string;
  reports: UsageReport[];
}

export interface UsageQueueOptions {
  batchSize: number;
  intervalMs: number;
  maxQueued: number;
  onError: (error: Error, reports: UsageReport[]) => void;
}

/**
 * Queues usage reports and sends them in batches from a timer: every interval, or at once when a
 * batch is full. A batch Portolan could not be reached for stays first in line and is resent, with
 * the same Idempotency-Key, on the next turn; a batch Portolan refused (4xx) is dropped and reported.
 * `send` is told whether the batch goes out for a caller (flush, close, a full batch in add: traced
 * with the caller's trace context) or from the timer, which belongs to no caller's trace.
 */
export class UsageQueue {
  private queued: { report: UsageReport; key: string }[] = [];
  private unsent?: UsageBatch;
  private sending?: Promise<void>;
  private readonly timer: ReturnType<typeof setInterval>;
  private closed = false;
  private sentTotal = 0;

  constructor(
    private readonly send: (batch: UsageBatch, traced: boolean) => Promise<void>,
    private readonly options: UsageQueueOptions,
  ) {
    this.timer = setInterval(() => void this.drain(false), options.intervalMs);
    // The timer alone must not keep a process alive; flush() or close() before exiting.
    this.timer.unref();
  }

  /** Queues one report; returns its idempotency key (a batch is sent under its first report's key). */
  add(report: UsageReport): string {
    if (this.closed) throw new Error("usage reporting is closed");
    const key = randomUUID();
    if (this.queued.length >= this.options.maxQueued) {
      const dropped = this.queued.shift()!;
      this.options.onError(new Error(`usage queue full (${this.options.maxQueued}): oldest report dropped`), [
        dropped.report,
      ]);
    }
    this.queued.push({ report: { ...report }, key });
    if (this.queued.length >= this.options.batchSize) void this.drain();
    return key;
  }

  get pending(): number {
    return this.queued.length + (this.unsent?.reports.length ?? 0);
  }

  /** Sends everything queued (one sender at a time) and waits for it. */
  async flush(): Promise<FlushResult> {
    const before = this.sentTotal;
    await this.drain();
    return { sent: this.sentTotal - before, pending: this.pending };
  }

  /** Flushes, then stops the timer; later reports are refused. */
  async close(): Promise<FlushResult> {
    this.closed = true;
    clearInterval(this.timer);
    return this.flush();
  }

  private drain(traced = true): Promise<void> {
    this.sending ??= this.sendAll(traced).finally(() => {
      this.sending = undefined;
    });
    return this.sending;
  }

  private async sendAll(traced: boolean): Promise<void> {
    while (this.unsent || this.queued.length > 0) {
      const batch = (this.unsent ??= this.cutBatch());
      try {
        await this.send(batch, traced);
        this.sentTotal += batch.reports.length;
        this.unsent = undefined;
      } catch (error) {
        if (error instanceof PortolanProblemError) {
          this.unsent = undefined;
          this.options.onError(error, batch.reports);
          continue;
        }
        return; // Unreachable: keep the batch as it is for the next turn.
      }
    }
  }

  private cutBatch(): UsageBatch {
    const items = this.queued.splice(0, this.options.batchSize);
    return { idempotencyKey: items[0].key, reports: items.map((item) => item.report) };
  }
}
