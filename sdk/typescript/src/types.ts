/** Public shapes of the SDK. Field names follow Portolan's JSON. */

export type DataClassification = "public" | "internal" | "confidential" | "restricted";
export type TaskTier = "routine" | "standard" | "critical";

export interface PortolanClientOptions {
  /** Portolan's base URL, e.g. http://localhost:8080 (the API lives under /api/v1). */
  portolanUrl: string;
  /** Keycloak's token endpoint: .../realms/portolan/protocol/openid-connect/token */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Per-attempt timeout in milliseconds. Default 2000. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls after the first one fails. Default 2. */
  retries?: number;
  /** When Portolan cannot answer, allow the call (with a warning obligation) instead of refusing. Default false. */
  failOpen?: boolean;
  /** How often queued usage reports are sent, in milliseconds. Default 1000. */
  usageFlushIntervalMs?: number;
  /** Send usage as soon as this many reports are queued. Default 100. */
  usageBatchSize?: number;
  /** Told about usage batches Portolan refused for good (4xx): they are dropped. Default: console.warn. */
  onUsageError?: (error: Error, reports: UsageReport[]) => void;
  /** The fetch to use (a proxy-aware one, say). Default: Node's global fetch. */
  fetch?: typeof fetch;
  /**
   * The caller's W3C trace context for each request to Portolan, for callers without OpenTelemetry
   * (with @opentelemetry/api installed the active context is sent by itself). Called before each
   * request; only `traceparent` and `tracestate` are taken from what it returns, and they win over
   * OpenTelemetry's when they include a traceparent.
   */
  traceHeaders?: () => Record<string, string>;
}

export interface DecisionRequest {
  team: string;
  model: string;
  purpose: string;
  dataClassification: DataClassification | string;
  region: string;
  taskTier?: TaskTier | string;
  /** The id of one of the model's deployments: the question is decided on it alone. Absent: Portolan routes. */
  deployment?: string;
}

/** Where to send an allowed call: a deployment of the model, who operates it and where, and its endpoint. */
export interface Route {
  deployment: string;
  model: string;
  operator: string;
  operatorJurisdiction: string;
  /** The request's region. */
  region: string;
  /** The base URL to call, e.g. https://llm.example.eu/v1; absent when the deployment records none. */
  endpoint?: string;
}

export interface Reason {
  code: string;
  message: string;
  rule: string;
}

export interface Obligation {
  code: string;
  message?: string;
  /** cut_off_scheduled: the instant the model or its vendor is cut off. */
  cutOffAt?: string;
  /** cut_off_scheduled: models the team may move to, best first. */
  alternatives?: string[];
  /** budget_warning: the budget left this month, in millionths of its currency. */
  remainingMicros?: number;
  /** budget_warning: the budget's currency (ISO 4217). */
  currency?: string;
}

/** What a model costs now, per million input and output tokens. */
export interface ModelPrice {
  currency: string;
  inputPerMillion: number;
  outputPerMillion: number;
}

/**
 * What a question for an alias (a logical model name the tenant defines, e.g. `chat-default`) resolved to:
 * the alias asked for and the concrete model of its first candidate no rule denies.
 */
export interface AliasResolution {
  name: string;
  /** The model it resolved to (also `route.model` when allowed); absent when none may be used (a deny, `alias_unresolved`). */
  model?: string;
}

export interface Alternative {
  model: string;
  vendor: string;
  jurisdiction: string;
  why: string;
  /** Where a call to this model would be routed; absent when none of its deployments qualifies. */
  route?: Route;
  /**
   * An alias that lists the denied model and resolves to this one for the same question: ask for it instead
   * to stay portable. Such alternatives come first.
   */
  alias?: string;
}

export interface Decision {
  /** Absent when the SDK answered by itself because Portolan was unavailable. */
  decisionId?: string;
  allow: boolean;
  reasons: Reason[];
  obligations: Obligation[];
  alternatives: Alternative[];
  /** Absent when the SDK answered by itself. */
  policyRevision?: string;
  /** ISO-8601 instants, as Portolan sent them. */
  evaluatedAt: string;
  expiresAt: string;
  /** True when this answer came from the local cache rather than a fresh call. */
  fromCache: boolean;
  /** Where to send the call; absent on a deny, when no deployment of the model qualifies, and on the SDK's own answers. */
  route?: Route;
  /** Present when the question's `model` named an alias: the alias and the model it resolved to. */
  alias?: AliasResolution;
}

/** One model a team may use now, as GET /api/v1/teams/{team}/models lists it. */
export interface AllowedModel {
  model: string;
  vendor?: string;
  jurisdiction?: string;
  obligations: Obligation[];
  /** The model's price valid now; null when none is set. */
  price?: ModelPrice | null;
  /** Where a call to the model would be routed; absent when none of its deployments qualifies. */
  route?: Route;
  [extra: string]: unknown;
}

export interface UsageReport {
  decisionId: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  costMicros?: number;
}

/** What flush() achieved: reports delivered, and those still queued (Portolan unreachable). */
export interface FlushResult {
  sent: number;
  pending: number;
}
