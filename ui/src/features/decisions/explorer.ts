/** The decision explorer's filters, paging and labels; pure, so Vitest covers it. */
import { query } from "../../shared/api";
import { endOfDayUtc, startOfDayUtc } from "../../shared/format";

/** What the explorer searches for, as the form holds it: dates as YYYY-MM-DD, empty for any. */
export interface DecisionFilters {
  from: string;
  to: string;
  team: string;
  model: string;
  outcome: "" | "allow" | "deny";
  /** An obligation code: only decisions that carry it. */
  obligation: string;
  /** Only decisions that named this deployment or were routed to it. */
  deployment: string;
  /** Only decisions that asked for this alias. */
  alias: string;
}

export const NO_FILTERS: DecisionFilters = {
  from: "",
  to: "",
  team: "",
  model: "",
  outcome: "",
  obligation: "",
  deployment: "",
  alias: "",
};

const KEYS = ["from", "to", "team", "model", "outcome", "obligation", "deployment", "alias"] as const;

/** The obligations the policy gives (policies/README.md), as the explorer offers them. */
export const OBLIGATIONS: { code: string; label: string }[] = [
  { code: "jurisdiction_watchlisted", label: "Record for review (watch-listed jurisdiction)" },
];

/** Filters kept in the address bar, so a decision's page leads back to the same search. */
export function filtersFromSearch(search: URLSearchParams): DecisionFilters {
  const outcome = search.get("outcome");
  return {
    from: search.get("from") ?? "",
    to: search.get("to") ?? "",
    team: search.get("team") ?? "",
    model: search.get("model") ?? "",
    outcome: outcome === "allow" || outcome === "deny" ? outcome : "",
    obligation: search.get("obligation") ?? "",
    deployment: search.get("deployment") ?? "",
    alias: search.get("alias") ?? "",
  };
}

export function filtersToSearch(filters: DecisionFilters, page = 1): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) search.set(key, filters[key].trim());
  if (page > 1) search.set("page", String(page));
  return search;
}

/** The API's search query: whole UTC days, and its pages count from 0 where PatternFly's count from 1. */
export function searchPath(filters: DecisionFilters, page: number, perPage: number): string {
  return `/api/v1/audit/decisions/search${query({
    from: startOfDayUtc(filters.from),
    to: endOfDayUtc(filters.to),
    team: filters.team.trim(),
    model: filters.model.trim(),
    outcome: filters.outcome,
    obligation: filters.obligation.trim(),
    deployment: filters.deployment.trim(),
    alias: filters.alias.trim(),
    page: Math.max(0, page - 1),
    size: perPage,
  })}`;
}

export function hasFilters(filters: DecisionFilters): boolean {
  return KEYS.some((key) => filters[key].trim() !== "");
}

/** Who asked: a gateway's client id, or a person who tried a decision from this UI. */
export function clientLabel(clientId: string | null | undefined): string {
  if (!clientId) return "unknown client";
  return clientId.startsWith("user:") ? `${clientId.slice(5)} (a person, from the try-a-decision form)` : clientId;
}

export function sourceLabel(source: string): string {
  return source === "opa-sidecar" ? "a gateway's OPA sidecar (uploaded log)" : "Portolan's decision API";
}

/** A decision as the log keeps it (GET /api/v1/audit/decisions/{id}). */
export interface LoggedDecision {
  id: string;
  seq: number | null;
  evaluatedAt: string;
  team: string;
  model: string;
  purpose: string;
  dataClassification: string;
  region: string;
  /** Null when the caller named none: the team's default tier applied. */
  taskTier: string | null;
  allow: boolean;
  reasons: { code: string; message: string; rule?: string }[];
  /** The conditions the allowed use came with, as the caller got them. */
  obligations: { code: string; message: string }[];
  policyRevision: string;
  clientId: string | null;
  source: string;
  prevHash: string | null;
  hash: string | null;
  /** The deployment the question named, if it named one. */
  askedDeployment?: string | null;
  /** Where an allowed call was routed. */
  deployment?: string | null;
  /** The alias asked for; `model` is then the model it resolved to (the alias itself when none did). */
  alias?: string | null;
}

/** Where to send an allowed call (the answer's `route`, and each alternative's). */
export interface Route {
  deployment: string;
  model: string;
  operator: string;
  operatorJurisdiction: string;
  region: string;
  endpoint?: string | null;
}

/** What a question for an alias resolved to; no model when no candidate may be used (alias_unresolved). */
export interface AliasResolution {
  name: string;
  model?: string | null;
}

export interface Alternative {
  model: string;
  vendor: string;
  jurisdiction: string;
  why: string;
  route?: Route | null;
  /** An alias that resolves to this model for the same question: ask for it instead. */
  alias?: string | null;
}

/** The decision API's answer (POST /api/v1/decisions/try). */
export interface DecisionAnswer {
  decisionId: string;
  allow: boolean;
  reasons: { code: string; message: string; rule?: string }[];
  obligations: { code: string; message: string }[];
  alternatives: Alternative[];
  policyRevision: string;
  evaluatedAt: string;
  expiresAt: string;
  /** Where to send the call; absent when denied or when no deployment of the model qualifies. */
  route?: Route | null;
  /** Present when the question named an alias. */
  alias?: AliasResolution | null;
}

/** A route in one line: "eu-cluster, operated by self-hosted (FR), region eu, https://…". */
export function routeLabel(route: Route): string {
  const where = `${route.deployment}, operated by ${route.operator} (${route.operatorJurisdiction}), region ${route.region}`;
  return route.endpoint ? `${where}, ${route.endpoint}` : where;
}

/** What an alias question came to, in words. */
export function aliasOutcome(alias: AliasResolution): string {
  return alias.model
    ? `alias ${alias.name} resolved to ${alias.model}`
    : `alias ${alias.name}: none of its candidates may be used`;
}

/** A logged decision's deployment: where it was routed, and the one asked for when that differs. */
export function deploymentLabel(decision: Pick<LoggedDecision, "deployment" | "askedDeployment">): string {
  const { deployment, askedDeployment } = decision;
  if (askedDeployment && askedDeployment !== deployment)
    return `${deployment ?? "not routed"} (asked for ${askedDeployment})`;
  return deployment ?? "—";
}

/**
 * What was asked, as the caller sent it: the logged input without the answer, no tier or deployment
 * when none was named, and the alias (not the model it resolved to) when the question named one.
 */
export function inputOf(decision: LoggedDecision): Record<string, string> {
  const { team, model, purpose, dataClassification, region, taskTier, askedDeployment, alias } = decision;
  return {
    team,
    model: alias ?? model,
    purpose,
    dataClassification,
    region,
    ...(taskTier ? { taskTier } : {}),
    ...(askedDeployment ? { deployment: askedDeployment } : {}),
  };
}

export const toDecision = (id: string) => `/decisions/${encodeURIComponent(id)}`;
