import { DecisionCache } from "./cache.js";
import { PortolanUnavailableError } from "./errors.js";
import { Transport } from "./http.js";
import { TokenProvider } from "./token.js";
import type {
  AliasResolution,
  AllowedModel,
  Alternative,
  DataClassification,
  Decision,
  DecisionRequest,
  FlushResult,
  Obligation,
  PortolanClientOptions,
  Reason,
  Route,
  TaskTier,
  UsageReport,
} from "./types.js";
import { type UsageBatch, UsageQueue } from "./usage.js";

export const UNAVAILABLE_CODE = "portolan_unavailable";

/**
 * Asks Portolan whether a team may use a model, caches the answers, lists a team's usable models and
 * reports usage in the background. Call close() when done, so queued usage is sent.
 */
export class PortolanClient {
  readonly failOpen: boolean;
  private readonly tokens: TokenProvider;
  private readonly transport: Transport;
  private readonly cache = new DecisionCache();
  private readonly usage: UsageQueue;

  constructor(options: PortolanClientOptions) {
    const timeoutMs = options.timeoutMs ?? 2000;
    // Wrapped, so fetch is never called with another object as `this` (browsers refuse that).
    const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.failOpen = options.failOpen ?? false;
    this.tokens = new TokenProvider({ ...options, timeoutMs, fetch: fetchImpl });
    this.transport = new Transport({
      baseUrl: options.portolanUrl,
      timeoutMs,
      retries: options.retries ?? 2,
      fetch: fetchImpl,
      token: (stale) => this.tokens.get(stale),
      traceHeaders: options.traceHeaders,
    });
    this.usage = new UsageQueue((batch, traced) => this.sendUsage(batch, traced), {
      batchSize: options.usageBatchSize ?? 100,
      intervalMs: options.usageFlushIntervalMs ?? 1000,
      maxQueued: 10_000,
      onError:
        options.onUsageError ??
        ((error, reports) => console.warn(`portolan: ${reports.length} usage report(s) dropped: ${error.message}`)),
    });
  }

  /**
   * May `team` use `model` for `purpose` with this data in this region? Answers from the cache while
   * an earlier answer is valid. Never throws for an unreachable Portolan: answers allow=false with
   * reason `portolan_unavailable` (allow=true with that warning as an obligation when failOpen).
   * Throws PortolanProblemError when Portolan refuses the request (bad input, credentials, role).
   * With `deployment` (one of the model's deployments) the question is decided on it alone; without
   * it an allowed answer's `route` names the best compliant deployment.
   */
  async decide(
    team: string,
    model: string,
    purpose: string,
    dataClassification: DataClassification | string,
    region: string,
    taskTier?: TaskTier | string,
    deployment?: string,
  ): Promise<Decision> {
    const request: DecisionRequest = {
      team,
      model,
      purpose,
      dataClassification,
      region,
      ...(taskTier ? { taskTier } : {}),
      ...(deployment ? { deployment } : {}),
    };
    const cached = this.cache.get(request);
    if (cached) return cached;
    try {
      const { body } = await this.transport.call("POST", "/api/v1/decisions", { json: request });
      const decision = toDecision(body);
      this.cache.put(request, decision);
      return decision;
    } catch (error) {
      if (error instanceof PortolanUnavailableError) return this.unavailableAnswer(error.message);
      throw error;
    }
  }

  /** The models `team` may use now (GET /api/v1/teams/{team}/models), each with its obligations. */
  async allowedModels(
    team: string,
    purpose?: string,
    dataClassification?: DataClassification | string,
    region?: string,
    taskTier?: TaskTier | string,
  ): Promise<AllowedModel[]> {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ purpose, dataClassification, region, taskTier })) {
      if (value) query.set(name, value);
    }
    const suffix = query.size > 0 ? `?${query}` : "";
    const { body } = await this.transport.call("GET", `/api/v1/teams/${encodeURIComponent(team)}/models${suffix}`);
    const models = (body as { models?: unknown }).models;
    return Array.isArray(models) ? models.map(toAllowedModel) : [];
  }

  /** Queues a usage report for the background sender; returns its idempotency key. */
  reportUsage(report: UsageReport): string {
    return this.usage.add(report);
  }

  /** Sends all queued usage now and waits; `pending` counts reports still unsent (Portolan unreachable). */
  flush(): Promise<FlushResult> {
    return this.usage.flush();
  }

  /** Flushes queued usage and stops the background sender. */
  close(): Promise<FlushResult> {
    return this.usage.close();
  }

  /** Usage reports queued or being sent, not yet stored by Portolan. */
  get pendingUsage(): number {
    return this.usage.pending;
  }

  /** How many tokens this client fetched from Keycloak (one per token lifetime when all is well). */
  get tokenFetches(): number {
    return this.tokens.fetchCount;
  }

  private async sendUsage(batch: UsageBatch, traced: boolean): Promise<void> {
    await this.transport.call("POST", "/api/v1/usage", {
      json: batch.reports,
      headers: { "Idempotency-Key": batch.idempotencyKey },
      traced,
    });
  }

  /** The SDK's own answer when Portolan cannot give one: closed by default, open only when configured. */
  private unavailableAnswer(message: string): Decision {
    const now = new Date().toISOString();
    const warning = { code: UNAVAILABLE_CODE, message };
    return {
      allow: this.failOpen,
      reasons: this.failOpen ? [] : [{ ...warning, rule: "sdk" }],
      obligations: this.failOpen ? [warning] : [],
      alternatives: [],
      evaluatedAt: now,
      expiresAt: now,
      fromCache: false,
    };
  }
}

/** Picks the known fields of Portolan's answer; anything else is ignored. */
export function toDecision(json: unknown): Decision {
  const body = (json ?? {}) as Record<string, unknown>;
  const route = toRoute(body.route);
  const alias = toAlias(body.alias);
  return {
    decisionId: optionalString(body.decisionId),
    allow: body.allow === true, // anything but an explicit true is a refusal
    reasons: list(body.reasons).map((r): Reason => ({
      code: text(r.code),
      message: text(r.message),
      rule: text(r.rule),
    })),
    obligations: list(body.obligations).map(toObligation),
    alternatives: list(body.alternatives).map(toAlternative),
    policyRevision: optionalString(body.policyRevision),
    evaluatedAt: text(body.evaluatedAt),
    expiresAt: text(body.expiresAt),
    fromCache: false,
    ...(route ? { route } : {}),
    ...(alias ? { alias } : {}),
  };
}

function toAlternative(a: Record<string, unknown>): Alternative {
  const alternative: Alternative = {
    model: text(a.model),
    vendor: text(a.vendor),
    jurisdiction: text(a.jurisdiction),
    why: text(a.why),
  };
  const route = toRoute(a.route);
  if (route) alternative.route = route;
  const alias = optionalString(a.alias);
  if (alias) alternative.alias = alias;
  return alternative;
}

/** The alias a question asked for; undefined when it asked for a model. A null model (none may be used) is left out. */
function toAlias(json: unknown): AliasResolution | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const a = json as Record<string, unknown>;
  const name = optionalString(a.name);
  if (!name) return undefined;
  const model = optionalString(a.model);
  return model ? { name, model } : { name };
}

/** A route as Portolan sends it; undefined when absent or naming no deployment. A null endpoint is left out. */
function toRoute(json: unknown): Route | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const r = json as Record<string, unknown>;
  if (typeof r.deployment !== "string" || !r.deployment) return undefined;
  const route: Route = {
    deployment: r.deployment,
    model: text(r.model),
    operator: text(r.operator),
    operatorJurisdiction: text(r.operatorJurisdiction),
    region: text(r.region),
  };
  if (typeof r.endpoint === "string" && r.endpoint) route.endpoint = r.endpoint;
  return route;
}

function toAllowedModel(json: unknown): AllowedModel {
  const item = (json ?? {}) as Record<string, unknown>;
  const { route: rawRoute, ...rest } = item;
  const route = toRoute(rawRoute);
  return {
    ...rest,
    model: text(item.model ?? item.id),
    obligations: list(item.obligations).map(toObligation),
    ...(route ? { route } : {}),
  };
}

function toObligation(o: Record<string, unknown>): Obligation {
  const obligation: Obligation =
    o.message === undefined ? { code: text(o.code) } : { code: text(o.code), message: text(o.message) };
  if (typeof o.cutOffAt === "string") obligation.cutOffAt = o.cutOffAt;
  if (Array.isArray(o.alternatives)) obligation.alternatives = o.alternatives.map(text);
  if (typeof o.remainingMicros === "number") obligation.remainingMicros = o.remainingMicros;
  if (typeof o.currency === "string") obligation.currency = o.currency;
  return obligation;
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === "object" && v !== null) : [];
}

function text(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : undefined;
}
