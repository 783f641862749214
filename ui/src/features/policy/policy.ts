/** The sovereignty settings as the policy screen edits and compares them; pure, so Vitest covers it. */
import { CLASSIFICATIONS, splitList } from "../../shared/format";

type ListMap = Record<string, string[]>;

/** The API's PolicySettings (GET/PUT /api/v1/policy/settings). */
export interface PolicySettings {
  deniedJurisdictions: ListMap;
  watchedJurisdictions: ListMap;
  residency: ListMap;
  selfHostedOpenWeightsOnly: string[];
  costTiers: ListMap;
  preferences: { domesticJurisdiction: string | null; preferOpenWeights: boolean; preferLowerCost: boolean };
  highRisk: { classifications: string[]; closedWeightsFrom: string; watchedJurisdictions: boolean };
  /** Rules over where a model runs, per classification (policies/decision/deployments.rego). */
  deployments: DeploymentRules;
}

export interface DeploymentRules {
  deniedOperatorJurisdictions: ListMap;
  selfHostedOnly: string[];
  zeroRetentionOrSelfHostedOnly: string[];
  noTrainingOnPrompts: string[];
}

const NO_DEPLOYMENT_RULES: DeploymentRules = {
  deniedOperatorJurisdictions: {},
  selfHostedOnly: [],
  zeroRetentionOrSelfHostedOnly: [],
  noTrainingOnPrompts: [],
};

/** The per-classification flags of the deployment rules, as the form keys name them. */
const DEPLOYMENT_FLAGS = ["selfHostedOnly", "zeroRetentionOrSelfHostedOnly", "noTrainingOnPrompts"] as const;

export interface Revision {
  number: number;
  hash: string;
  publishedAt: string;
  publishedBy: string;
  rolledBackTo: number | null;
  settings: PolicySettings;
}

/** A logged decision the draft would decide the other way. */
export interface ImpactSample {
  id: string;
  allow: boolean;
  request: {
    team: string;
    model: string;
    purpose: string;
    dataClassification: string;
    region: string;
    taskTier?: string;
  };
  reasons: string[];
}

export interface ImpactReport {
  from: string;
  to: string;
  evaluated: number;
  allowToDeny: number;
  denyToAllow: number;
  allowToDenySamples: ImpactSample[];
  denyToAllowSamples: ImpactSample[];
  tookMillis: number;
}

export type ImpactJobStatus = "queued" | "running" | "done" | "failed" | "cancelled";

/** An impact analysis run on the server: progress while it runs, the report once done. */
export interface ImpactJob {
  id: string;
  status: ImpactJobStatus;
  from: string;
  to: string;
  total: number | null;
  replayed: number;
  cancelRequested: boolean;
  requestedBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  result: ImpactReport | null;
}

/** Whether the server may still move the job on. */
export function jobUnfinished(job: ImpactJob): boolean {
  return job.status === "queued" || job.status === "running";
}

/** "Replaying logged decisions: 12,000 of 400,000 (3 %)" and its other states, for people. */
export function jobProgress(job: ImpactJob): string {
  const n = (x: number) => x.toLocaleString("en");
  if (job.status === "queued") return "Waiting to start…";
  if (job.status === "running" && job.cancelRequested) return `Cancelling after ${n(job.replayed)} decisions…`;
  if (job.status === "running") {
    if (!job.total) return `Replaying logged decisions: ${n(job.replayed)}`;
    return `Replaying logged decisions: ${n(job.replayed)} of ${n(job.total)} (${jobPercent(job)} %)`;
  }
  if (job.status === "done")
    return `Done: ${n(job.replayed)} ${job.replayed === 1 ? "decision" : "decisions"} replayed`;
  if (job.status === "cancelled") return `Cancelled after ${n(job.replayed)} of ${n(job.total ?? 0)} decisions`;
  return `Failed: ${job.error ?? "unknown error"}`;
}

/** Whole percent replayed, 0 while the total is unknown. */
export function jobPercent(job: ImpactJob): number {
  if (!job.total) return job.status === "done" ? 100 : 0;
  return Math.min(100, Math.floor((job.replayed * 100) / job.total));
}

export const TASK_TIERS = ["routine", "standard", "critical"] as const;
export const CLOSED_WEIGHTS_FROM = ["never", ...CLASSIFICATIONS] as const;

/** What a tenant has before its first edit (the server's PolicySettings.none()). */
export const NO_SETTINGS: PolicySettings = {
  deniedJurisdictions: {},
  watchedJurisdictions: {},
  residency: {},
  selfHostedOpenWeightsOnly: [],
  costTiers: {},
  preferences: { domesticJurisdiction: null, preferOpenWeights: false, preferLowerCost: true },
  highRisk: { classifications: ["restricted"], closedWeightsFrom: "confidential", watchedJurisdictions: true },
  deployments: NO_DEPLOYMENT_RULES,
};

/**
 * The editor's state: one entry per input, keyed by the field name the server uses in its
 * validation errors (`deniedJurisdictions.internal[0]` is reported on `deniedJurisdictions.internal`).
 * Lists are the text typed ("CN, RU"); flags are booleans.
 */
export type SettingsForm = Record<string, string | boolean>;

export type FieldKind =
  "countries" | "regions" | "costTiers" | "classifications" | "country" | "flag" | "closedWeightsFrom";

export interface SettingField {
  /** The server's field name, also the form key. */
  key: string;
  label: string;
  kind: FieldKind;
  /** Shown when the value is empty, so "no restriction" is said rather than implied. */
  emptyMeans?: string;
}

const perClassification = (name: string, label: string, kind: FieldKind, emptyMeans?: string): SettingField[] =>
  CLASSIFICATIONS.map((c) => ({ key: `${name}.${c}`, label: `${label} · ${c}`, kind, emptyMeans }));

/** Every setting once, in the order the screen shows them. */
export const SETTING_FIELDS: SettingField[] = [
  ...perClassification("deniedJurisdictions", "Denied jurisdictions", "countries", "none"),
  ...perClassification("watchedJurisdictions", "Watch-listed jurisdictions", "countries", "none"),
  ...perClassification("residency", "Residency regions", "regions", "any region"),
  ...perClassification("selfHostedOpenWeightsOnly", "Self-hosted open weights only", "flag"),
  ...TASK_TIERS.map((t): SettingField => ({
    key: `costTiers.${t}`,
    label: `Cost tiers · ${t} tasks`,
    kind: "costTiers",
    emptyMeans: "any tier",
  })),
  {
    key: "preferences.domesticJurisdiction",
    label: "Domestic jurisdiction (ranked first)",
    kind: "country",
    emptyMeans: "none",
  },
  { key: "preferences.preferOpenWeights", label: "Prefer open weights", kind: "flag" },
  { key: "preferences.preferLowerCost", label: "Prefer lower cost", kind: "flag" },
  {
    key: "highRisk.classifications",
    label: "High risk · data classifications",
    kind: "classifications",
    emptyMeans: "none",
  },
  { key: "highRisk.closedWeightsFrom", label: "High risk · closed weights from", kind: "closedWeightsFrom" },
  { key: "highRisk.watchedJurisdictions", label: "High risk · watch-listed jurisdictions", kind: "flag" },
  ...perClassification("deployments.deniedOperatorJurisdictions", "Denied operator jurisdictions", "countries", "none"),
  ...perClassification("deployments.selfHostedOnly", "Self-hosted deployments only", "flag"),
  ...perClassification("deployments.zeroRetentionOrSelfHostedOnly", "Zero retention or self-hosted only", "flag"),
  ...perClassification("deployments.noTrainingOnPrompts", "Never where prompts train", "flag"),
];

const FIELD_BY_KEY = new Map(SETTING_FIELDS.map((f) => [f.key, f]));

/** Settings as the editor shows them. */
export function toForm(settings: PolicySettings): SettingsForm {
  const s = withDefaults(settings);
  const form: SettingsForm = {};
  for (const c of CLASSIFICATIONS) {
    form[`deniedJurisdictions.${c}`] = (s.deniedJurisdictions[c] ?? []).join(", ");
    form[`watchedJurisdictions.${c}`] = (s.watchedJurisdictions[c] ?? []).join(", ");
    form[`residency.${c}`] = (s.residency[c] ?? []).join(", ");
    form[`selfHostedOpenWeightsOnly.${c}`] = s.selfHostedOpenWeightsOnly.includes(c);
  }
  for (const t of TASK_TIERS) form[`costTiers.${t}`] = (s.costTiers[t] ?? []).join(", ");
  form["preferences.domesticJurisdiction"] = s.preferences.domesticJurisdiction ?? "";
  form["preferences.preferOpenWeights"] = s.preferences.preferOpenWeights;
  form["preferences.preferLowerCost"] = s.preferences.preferLowerCost;
  form["highRisk.classifications"] = s.highRisk.classifications.join(", ");
  form["highRisk.closedWeightsFrom"] = s.highRisk.closedWeightsFrom;
  form["highRisk.watchedJurisdictions"] = s.highRisk.watchedJurisdictions;
  for (const c of CLASSIFICATIONS) {
    form[`deployments.deniedOperatorJurisdictions.${c}`] = (s.deployments.deniedOperatorJurisdictions[c] ?? []).join(
      ", ",
    );
    for (const rule of DEPLOYMENT_FLAGS) form[`deployments.${rule}.${c}`] = s.deployments[rule].includes(c);
  }
  return form;
}

/**
 * The editor's state as the body of PUT /policy/settings. An empty list leaves its key out, which
 * the policy reads as "no restriction" (an empty residency list would deny every region, and the
 * server refuses it). Country codes are upper-cased, everything else is sent as typed so that the
 * server's validation names what is wrong.
 */
export function fromForm(form: SettingsForm): PolicySettings {
  const text = (key: string) => String(form[key] ?? "");
  const flag = (key: string) => form[key] === true;
  const lists = (name: string, keys: readonly string[], upper: boolean): ListMap => {
    const map: ListMap = {};
    for (const k of keys) {
      const values = splitList(text(`${name}.${k}`)).map((v) => (upper ? v.toUpperCase() : v));
      if (values.length > 0) map[k] = values;
    }
    return map;
  };
  const domestic = text("preferences.domesticJurisdiction").trim().toUpperCase();
  return {
    deniedJurisdictions: lists("deniedJurisdictions", CLASSIFICATIONS, true),
    watchedJurisdictions: lists("watchedJurisdictions", CLASSIFICATIONS, true),
    residency: lists("residency", CLASSIFICATIONS, false),
    selfHostedOpenWeightsOnly: CLASSIFICATIONS.filter((c) => flag(`selfHostedOpenWeightsOnly.${c}`)),
    costTiers: lists("costTiers", TASK_TIERS, false),
    preferences: {
      domesticJurisdiction: domestic || null,
      preferOpenWeights: flag("preferences.preferOpenWeights"),
      preferLowerCost: flag("preferences.preferLowerCost"),
    },
    highRisk: {
      classifications: splitList(text("highRisk.classifications")),
      closedWeightsFrom: text("highRisk.closedWeightsFrom") || "never",
      watchedJurisdictions: flag("highRisk.watchedJurisdictions"),
    },
    deployments: {
      deniedOperatorJurisdictions: lists("deployments.deniedOperatorJurisdictions", CLASSIFICATIONS, true),
      selfHostedOnly: CLASSIFICATIONS.filter((c) => flag(`deployments.selfHostedOnly.${c}`)),
      zeroRetentionOrSelfHostedOnly: CLASSIFICATIONS.filter((c) =>
        flag(`deployments.zeroRetentionOrSelfHostedOnly.${c}`),
      ),
      noTrainingOnPrompts: CLASSIFICATIONS.filter((c) => flag(`deployments.noTrainingOnPrompts.${c}`)),
    },
  };
}

/** One setting that differs between two versions, as people read it. */
export interface SettingChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/**
 * The settings that differ between `before` (say the published revision) and `after` (the draft).
 * Lists compare as sets, so reordering "CN, RU" to "RU, CN" is no change.
 */
export function diffSettings(before: PolicySettings | null, after: PolicySettings): SettingChange[] {
  return diffForms(toForm(before ?? NO_SETTINGS), toForm(after));
}

/** The same comparison on editor states, so unsaved edits can be compared as they are typed. */
export function diffForms(before: SettingsForm, after: SettingsForm): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const field of SETTING_FIELDS) {
    const a = display(field, before[field.key]);
    const b = display(field, after[field.key]);
    if (a !== b) changes.push({ key: field.key, label: field.label, before: a, after: b });
  }
  return changes;
}

/** A setting's value as text: lists sorted and de-duplicated, flags as yes/no, empty as what it means. */
export function display(field: SettingField, value: string | boolean | undefined): string {
  if (field.kind === "flag") return value === true ? "yes" : "no";
  const raw = String(value ?? "");
  if (field.kind === "closedWeightsFrom") return raw.trim() || "never";
  if (field.kind === "country") return raw.trim().toUpperCase() || (field.emptyMeans ?? "—");
  const upper = field.kind === "countries";
  const items = [...new Set(splitList(raw).map((v) => (upper ? v.toUpperCase() : v)))].sort(byRank(RANKS[field.kind]));
  return items.length === 0 ? (field.emptyMeans ?? "—") : items.join(", ");
}

const COST_TIERS = ["low", "medium", "high"];
/** Lists of ordered values show in their order (low before high), the rest alphabetically. */
const RANKS: Partial<Record<FieldKind, readonly string[]>> = {
  costTiers: COST_TIERS,
  classifications: CLASSIFICATIONS,
};

function byRank(rank: readonly string[] | undefined) {
  const position = (v: string) => (rank && rank.includes(v) ? rank.indexOf(v) : Number.MAX_SAFE_INTEGER);
  return (a: string, b: string) => position(a) - position(b) || a.localeCompare(b);
}

export function fieldOf(key: string): SettingField | undefined {
  return FIELD_BY_KEY.get(key);
}

/** The HTML id of a setting's input: dots are awkward in CSS selectors. */
export const inputId = (key: string) => `setting-${key.replace(/\./g, "-")}`;

/** Fills what an older stored shape may lack, as the server's normalized() does. */
function withDefaults(settings: Partial<PolicySettings> | null | undefined): PolicySettings {
  const s = settings ?? {};
  return {
    deniedJurisdictions: s.deniedJurisdictions ?? {},
    watchedJurisdictions: s.watchedJurisdictions ?? {},
    residency: s.residency ?? {},
    selfHostedOpenWeightsOnly: s.selfHostedOpenWeightsOnly ?? [],
    costTiers: s.costTiers ?? {},
    preferences: { ...NO_SETTINGS.preferences, ...(s.preferences ?? {}) },
    highRisk: { ...NO_SETTINGS.highRisk, ...(s.highRisk ?? {}) },
    deployments: { ...NO_DEPLOYMENT_RULES, ...(s.deployments ?? {}) },
  };
}

/** "1,234 decisions replayed" style summary of an impact report. */
export function impactSummary(report: ImpactReport): string {
  const n = (x: number) => x.toLocaleString("en");
  if (report.evaluated === 0) return "No decisions were logged in this window, so nothing can flip.";
  const flips = report.allowToDeny + report.denyToAllow;
  if (flips === 0) return `None of the ${n(report.evaluated)} decisions replayed would change.`;
  return `${n(flips)} of the ${n(report.evaluated)} decisions replayed would change: ${n(report.allowToDeny)} allowed would be denied, ${n(report.denyToAllow)} denied would be allowed.`;
}

/** The server's field errors as sentences that name the setting as the screen labels it. */
export function errorLines(errors: Record<string, string>): string[] {
  return Object.entries(errors).map(([key, message]) => `${fieldOf(key)?.label ?? key}: ${message}`);
}
