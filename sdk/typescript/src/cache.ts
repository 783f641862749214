import type { Decision, DecisionRequest } from "./types.js";

/**
 * Portolan's answers, kept until their `expiresAt`. All answers come from one policy revision: a
 * fresh answer naming another revision means the policy changed, so every cached answer is dropped.
 */
export class DecisionCache {
  private readonly entries = new Map<string, { decision: Decision; expiresAtMs: number }>();
  private revision?: string;

  constructor(private readonly maxEntries = 10_000) {}

  static key(request: DecisionRequest): string {
    const { team, model, purpose, dataClassification, region, taskTier, deployment } = request;
    return JSON.stringify([team, model, purpose, dataClassification, region, taskTier ?? null, deployment ?? null]);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached answer, marked fromCache, or undefined when there is none or it expired. */
  get(request: DecisionRequest, now = Date.now()): Decision | undefined {
    const key = DecisionCache.key(request);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.expiresAtMs) {
      this.entries.delete(key);
      return undefined;
    }
    return { ...entry.decision, fromCache: true };
  }

  /** Keeps a fresh answer from Portolan; answers without a revision (made up by the SDK) are never kept. */
  put(request: DecisionRequest, decision: Decision, now = Date.now()): void {
    if (!decision.policyRevision || !decision.decisionId) return;
    if (decision.policyRevision !== this.revision) {
      this.entries.clear();
      this.revision = decision.policyRevision;
    }
    const expiresAtMs = cacheUntil(decision, now);
    if (!(expiresAtMs > now)) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest answer.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(DecisionCache.key(request), { decision: { ...decision, fromCache: false }, expiresAtMs });
  }

  clear(): void {
    this.entries.clear();
    this.revision = undefined;
  }
}

/**
 * Until `expiresAt`, but never longer than the lifetime Portolan granted (expiresAt - evaluatedAt)
 * counted from now, so a local clock behind Portolan's cannot stretch it.
 */
function cacheUntil(decision: Decision, now: number): number {
  const expiresAt = Date.parse(decision.expiresAt);
  const evaluatedAt = Date.parse(decision.evaluatedAt);
  if (Number.isNaN(expiresAt)) return now;
  if (Number.isNaN(evaluatedAt)) return expiresAt;
  return Math.min(expiresAt, now + (expiresAt - evaluatedAt));
}
