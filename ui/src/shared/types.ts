/** The API's resources as the UI reads them (see /openapi for the full shapes). */
export interface Finding {
  code: string;
  rule?: string;
  message: string;
}

export interface HistoryEvent {
  at: string;
  actor: string;
  action: string;
  comment: string | null;
}

export interface ApprovalRequest {
  id: string;
  team: string;
  model: string;
  purpose: string;
  maxDataClassification: string;
  regions: string[];
  /** The deployments of the model asked for; empty (or absent, from a server before these): any. */
  deployments?: string[];
  justification: string;
  requestedUntil: string | null;
  requester: string;
  status: string;
  highRisk: boolean;
  highRiskBecause: string[];
  requiredApprovals: number;
  approvedBy: string[];
  findings: Finding[] | null;
  createdAt: string;
  approvalId: string | null;
  history: HistoryEvent[] | null;
}

/** What POST /api/v1/approval-requests takes. */
export interface ApprovalRequestInput {
  team: string;
  model: string;
  purpose: string;
  maxDataClassification: string;
  regions: string[];
  /** 1 to 20 deployments of the model; absent: any deployment of it. */
  deployments?: string[];
  justification: string;
  requestedUntil?: string;
}

/** What POST /api/v1/approval-requests/{id}/decision takes: conditions narrow an approval. */
export interface DecisionInput {
  outcome: "approve" | "reject";
  comment?: string;
  conditions?: {
    maxDataClassification?: string;
    regions?: string[];
    expiresAt?: string;
    /** 1 to 20: some of the request's deployments, or of the model's when the request named none. */
    deployments?: string[];
  };
}

export interface Approval {
  id: string;
  requestId: string;
  team: string;
  model: string;
  purpose: string;
  maxDataClassification: string;
  regions: string[];
  /** The deployments of the model granted; empty (or absent, from a server before these): any. */
  deployments?: string[];
  expiresAt: string | null;
  approvedBy: string[];
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export interface Vendor {
  id: string;
  name: string;
  jurisdiction: string;
  suspended: boolean;
  suspensionReason: string | null;
  /** While suspended: all (the kill switch) or vendor-operated (only its own endpoints). */
  suspensionScope?: "all" | "vendor-operated";
  /** An announced cut-off: decisions deny with cut_off from then on. */
  cutOffAt?: string | null;
  cutOffReason?: string | null;
}

export interface Model {
  id: string;
  displayName: string;
  vendor: string;
  hostingRegions: string[];
  openWeights: boolean;
  selfHostable: boolean;
  licence: string | null;
  capabilities: string[];
  costTier: string;
  status: string;
  /** An announced cut-off: decisions deny with cut_off from then on. */
  cutOffAt?: string | null;
  cutOffReason?: string | null;
  /** Only when one model is read. */
  deployments?: Deployment[];
}

/** Where a model runs: who operates the endpoint, where, and on what data terms (null: not stated). */
export interface Deployment {
  id: string;
  model: string;
  operator: string;
  selfHosted: boolean;
  operatorJurisdiction: string;
  regions: string[];
  endpoint: string | null;
  retentionDays: number | null;
  trainsOnPrompts: boolean | null;
  zeroDataRetention: boolean;
  status: "active" | "suspended";
  availableFrom: string | null;
  cutOffAt: string | null;
}

export interface Team {
  id: string;
  name: string;
}
