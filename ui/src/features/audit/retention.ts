/** The retention policy's form and run summaries; pure, so Vitest covers it. */
import { formatInstant } from "../../shared/format";

export type RetainedLog = "decisions" | "usage" | "changes";

export const RETAINED_LOGS: { log: RetainedLog; label: string }[] = [
  { log: "decisions", label: "Decision log" },
  { log: "usage", label: "Usage log" },
  { log: "changes", label: "Admin audit trail" },
];

export interface RetentionRun {
  ranAt: string;
  trigger: "schedule" | "manual";
  actor: string;
  removed: Record<RetainedLog, number>;
  cutBefore: Record<RetainedLog, string | null>;
}

/** GET /api/v1/audit/retention */
export interface RetentionPolicy {
  decisionsDays: number | null;
  usageDays: number | null;
  changesDays: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
  minimumDays: number;
  lastScheduledRun: RetentionRun | null;
  lastRun: RetentionRun | null;
}

/** The form: days as typed, empty for "keep for ever". */
export type RetentionForm = Record<RetainedLog, string>;

export function formOf(policy: RetentionPolicy): RetentionForm {
  const text = (days: number | null) => (days === null ? "" : String(days));
  return { decisions: text(policy.decisionsDays), usage: text(policy.usageDays), changes: text(policy.changesDays) };
}

/** The PUT body, or the fields that are not a whole number of days (empty means for ever). */
export function policyBody(form: RetentionForm): {
  body?: Record<string, number | null>;
  errors: Partial<Record<RetainedLog, string>>;
} {
  const errors: Partial<Record<RetainedLog, string>> = {};
  const body: Record<string, number | null> = {};
  for (const { log } of RETAINED_LOGS) {
    const value = form[log].trim();
    if (value === "") {
      body[`${log}Days`] = null;
    } else if (/^\d{1,5}$/.test(value)) {
      body[`${log}Days`] = Number(value);
    } else {
      errors[log] = "a whole number of days, or empty to keep for ever";
    }
  }
  return Object.keys(errors).length ? { errors } : { body, errors };
}

export function keptFor(days: number | null): string {
  if (days === null) return "for ever";
  return days === 1 ? "1 day" : `${days} days`;
}

/** "2026-12-07 10:00 UTC, scheduled: removed 12 decisions, 3 usage records, 0 changes" */
export function runSummary(run: RetentionRun | null): string {
  if (!run) return "never";
  const who = run.trigger === "schedule" ? "scheduled" : `by ${run.actor}`;
  const removed = `${run.removed.decisions ?? 0} decisions, ${run.removed.usage ?? 0} usage records, ${run.removed.changes ?? 0} changes`;
  return `${formatInstant(run.ranAt)}, ${who}: removed ${removed}`;
}
