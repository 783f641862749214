/** Aliases (GET /api/v1/aliases and below): their shapes and pure helpers; Vitest covers the helpers. */
import { ApiError } from "../../shared/api";
import { CLASSIFICATIONS } from "../../shared/format";

/** One candidate of an alias: a model, and optionally the one deployment of it to use. */
export interface AliasCandidate {
  model: string;
  deployment?: string | null;
}

export interface AliasDraft {
  description?: string | null;
  candidates: AliasCandidate[];
  draftedAt: string;
  draftedBy: string;
}

export interface Alias {
  id: string;
  description?: string | null;
  /** In order of preference: a question resolves to the first one it may use. */
  candidates: AliasCandidate[];
  /** Candidates waiting to replace the published ones; absent when there is none. */
  draft?: AliasDraft | null;
  createdAt: string;
  publishedAt: string;
}

/** Where a question resolves: the model and its deployment (absent: the policy routes nowhere). */
export interface Resolution {
  model: string;
  deployment?: string | null;
}

/** A question for the alias and where it resolves now (published) and under the draft; absent = denied. */
export interface AliasQuestion {
  team: string;
  purpose: string;
  dataClassification: string;
  region: string;
  taskTier?: string | null;
  calls: number;
  published?: Resolution | null;
  draft?: Resolution | null;
  moves: boolean;
}

/** GET /api/v1/aliases/{id}/impact: the last 7 days' logged calls for the alias, replayed under the draft. */
export interface AliasImpact {
  alias: string;
  from: string;
  to: string;
  calls: number;
  movedCalls: number;
  teamsMoved: string[];
  questions: AliasQuestion[];
}

/** GET /api/v1/aliases/{id}/resolution?region=: per team, purpose and classification (calls are 0). */
export interface ResolutionTable {
  alias: string;
  region: string;
  hasDraft: boolean;
  rows: AliasQuestion[];
}

/** "gpt-4o" or "gpt-4o on gpt-4o-eu": a candidate as the lists show it. */
export function candidateLabel(c: AliasCandidate): string {
  return c.deployment ? `${c.model} on ${c.deployment}` : c.model;
}

/** Where a question goes, in words; no resolution is a deny. */
export function resolutionLabel(r: Resolution | null | undefined): string {
  if (!r) return "denied";
  return r.deployment ? `${r.model} on ${r.deployment}` : `${r.model} (no deployment qualifies)`;
}

/** A candidate as the form holds it: an empty deployment means any (the policy routes). */
export interface CandidateRow {
  model: string;
  deployment: string;
}

export const EMPTY_ROW: CandidateRow = { model: "", deployment: "" };

export function toRows(candidates: AliasCandidate[]): CandidateRow[] {
  return candidates.map((c) => ({ model: c.model, deployment: c.deployment ?? "" }));
}

/**
 * The candidates as the API takes them, one per row and in order, so the server's
 * `candidates[i]` errors point at the row the person sees; no deployment when none was chosen.
 */
export function candidatesBody(rows: CandidateRow[]): AliasCandidate[] {
  return rows.map((r) =>
    r.deployment.trim() ? { model: r.model.trim(), deployment: r.deployment.trim() } : { model: r.model.trim() },
  );
}

/** POST /api/v1/aliases (with an id) or PUT …/draft (without): no description when it is empty. */
export function aliasBody(form: { id?: string; description: string; rows: CandidateRow[] }) {
  return {
    ...(form.id !== undefined ? { id: form.id.trim() } : {}),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    candidates: candidatesBody(form.rows),
  };
}

/** The rows with one moved up (-1) or down (+1); unchanged at either end. */
export function moveRow<T>(rows: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return rows;
  const next = [...rows];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export interface CandidateErrors {
  /** The form's own fields (id, description) and the list as a whole (candidates). */
  fields: Record<string, string>;
  /** Per row: its model, its deployment, or the candidate as a whole (a repeat). */
  rows: Record<number, { model?: string; deployment?: string; candidate?: string }>;
}

// The service names `candidates[1].model`; Bean Validation names `candidates.model[1]`: both mean row 1.
const CANDIDATE_FIELD = /^candidates(?:\[(\d+)\])?(?:\.(model|deployment))?(?:\[(\d+)\])?$/;

/** The server's field errors placed on the form: which row, and which input of it. */
export function candidateErrors(error: unknown): CandidateErrors {
  const result: CandidateErrors = { fields: {}, rows: {} };
  if (!(error instanceof ApiError)) return result;
  const add = (record: Record<string, string | undefined>, key: string, message: string) => {
    record[key] = record[key] ? `${record[key]}; ${message}` : message;
  };
  for (const e of error.problem.errors ?? []) {
    const match = CANDIDATE_FIELD.exec(e.field);
    const index = match?.[1] ?? match?.[3];
    if (match && index !== undefined) {
      const row = (result.rows[Number(index)] ??= {});
      add(row, match[2] ?? "candidate", e.message);
    } else {
      add(result.fields, match ? "candidates" : e.field, e.message);
    }
  }
  // A name already taken (by a model, or by another alias) is about the id the person typed.
  const type = error.problem.type ?? "";
  if (
    error.status === 409 &&
    (type.endsWith("/alias-name-taken") || type.endsWith("/duplicate")) &&
    error.problem.detail
  ) {
    add(result.fields, "id", error.problem.detail);
  }
  return result;
}

/** Whether two candidate lists resolve alike: the same models and deployments in the same order. */
export function sameCandidates(a: AliasCandidate[], b: AliasCandidate[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.model === b[i].model && (c.deployment ?? null) === (b[i].deployment ?? null))
  );
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** One sentence of what publishing the draft would do to the calls of the window. */
export function impactSummary(impact: AliasImpact): string {
  if (impact.calls === 0) return "No call asked for this alias in the last 7 days: publishing moves nothing yet.";
  const moved = `${impact.movedCalls.toLocaleString("en")} of ${count(impact.calls, "call")} logged in the last 7 days would resolve elsewhere`;
  if (impact.movedCalls === 0) return `${moved}: the draft resolves every one of them as now.`;
  return `${moved}, for ${count(impact.teamsMoved.length, "team")}: ${impact.teamsMoved.join(", ")}.`;
}

/** A row of the resolution grid: one team and purpose, one cell per data classification. */
export interface ResolutionRow {
  team: string;
  purpose: string;
  cells: Record<string, AliasQuestion | undefined>;
}

/** The resolution table as a grid of team and purpose × data classification, in the server's order. */
export function resolutionGrid(table: ResolutionTable): { classifications: string[]; rows: ResolutionRow[] } {
  const known: string[] = [...CLASSIFICATIONS];
  const classifications = [
    ...known,
    ...new Set(table.rows.map((r) => r.dataClassification).filter((c) => !known.includes(c))),
  ];
  const rows = new Map<string, ResolutionRow>();
  for (const q of table.rows) {
    const key = `${q.team}\u0000${q.purpose}`;
    const row = rows.get(key) ?? { team: q.team, purpose: q.purpose, cells: {} };
    row.cells[q.dataClassification] = q;
    rows.set(key, row);
  }
  return { classifications, rows: [...rows.values()] };
}

export const toAlias = (id: string) => `/aliases/${encodeURIComponent(id)}`;
