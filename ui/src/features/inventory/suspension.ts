/** The preview of a suspension, as GET /api/v1/{vendors|models}/{id}/suspension-impact answers it. */
import type { ImpactReport } from "../policy/policy";

export interface SuspensionAlternative {
  model: string;
  vendor: string;
  jurisdiction: string;
  why: string;
}

export interface SuspensionImpact {
  vendor: string | null;
  model: string | null;
  /** Set when a deployment is previewed: only the uses no other deployment of its model serves are lost. */
  deployment?: string | null;
  models: string[];
  alreadySuspended: boolean;
  approvals: {
    id: string;
    team: string;
    model: string;
    purpose: string;
    maxDataClassification: string;
    regions: string[];
    expiresAt: string;
    alternative: string;
  }[];
  teams: { team: string; approvals: number; bestAlternative: SuspensionAlternative | null; best: string }[];
  decisions: ImpactReport;
}

/** One sentence of what the suspension would do, for the dialog's summary. */
export function suspensionSummary(impact: SuspensionImpact): string {
  const n = (x: number, one: string, many: string) => `${x.toLocaleString("en")} ${x === 1 ? one : many}`;
  const stranded = impact.teams.filter((t) => t.bestAlternative === null).length;
  const parts = [
    `${n(impact.approvals.length, "approval", "approvals")} of ${n(impact.teams.length, "team", "teams")} would stop`,
    `${n(impact.decisions.allowToDeny, "decision", "decisions")} allowed in the last 7 days would be denied`,
  ];
  if (stranded > 0) parts.push(`${n(stranded, "team is", "teams are")} left with no alternative`);
  return `${parts.join("; ")}.`;
}
