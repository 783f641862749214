/** Notices to teams, as GET /api/v1/notices gives them; pure helpers so Vitest covers them. */

export interface NoticeAlternative {
  model: string;
  vendor: string;
  jurisdiction: string;
  why: string;
}

export interface Notice {
  id: string;
  kind: "suspension" | "cut_off" | "approval_expiring";
  subjectType: "vendor" | "model" | "approval";
  subjectId: string;
  milestone: string;
  team: string;
  title: string;
  message: string;
  alternatives: NoticeAlternative[];
  dueAt: string | null;
  createdAt: string;
}

const KIND_LABELS: Record<Notice["kind"], string> = {
  suspension: "Suspended",
  cut_off: "Cut-off",
  approval_expiring: "Approval expiring",
};

/** A short label for the notice's kind, with how far ahead it was given for dated ones. */
export function noticeLabel(notice: Pick<Notice, "kind" | "milestone">): string {
  const label = KIND_LABELS[notice.kind] ?? notice.kind;
  if (notice.milestone === "30d") return `${label}, 30 days ahead`;
  if (notice.milestone === "7d") return `${label}, 7 days ahead`;
  if (notice.milestone === "day") return `${label}, today`;
  return label;
}
