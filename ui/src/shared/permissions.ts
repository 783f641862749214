/** What each role may do, mirroring the API's @RolesAllowed; the API refuses the rest anyway. */
export type Role = "platform-admin" | "tenant-admin" | "compliance-officer" | "requester" | "auditor";

export type Permission =
  | "overview"
  | "inventory:read"
  | "inventory:write"
  | "approvals:read"
  | "approvals:submit"
  | "approvals:decide"
  | "approvals:revoke"
  | "audit:read"
  | "decisions:read"
  | "policy:read"
  | "policy:edit"
  | "policy:publish"
  | "portability:read"
  | "spend:read"
  | "prices:write"
  | "decisions:explore"
  | "decisions:try"
  | "teams:manage"
  | "gateways:read"
  | "gateways:manage"
  | "tenants:read"
  | "retention:manage"
  | "aliases:read"
  | "aliases:write"
  | "aliases:impact";

const GRANTS: Record<Permission, Role[]> = {
  overview: ["tenant-admin", "compliance-officer", "requester", "auditor"],
  "inventory:read": ["tenant-admin", "compliance-officer", "requester", "auditor"],
  "inventory:write": ["tenant-admin", "compliance-officer"],
  "approvals:read": ["tenant-admin", "compliance-officer", "requester", "auditor"],
  "approvals:submit": ["tenant-admin", "compliance-officer", "requester"],
  "approvals:decide": ["compliance-officer"],
  "approvals:revoke": ["compliance-officer"],
  "audit:read": ["tenant-admin", "auditor"],
  "decisions:read": ["tenant-admin", "auditor"],
  // Requesters may read the settings but not the revisions, so the policy screen is not theirs.
  "policy:read": ["tenant-admin", "compliance-officer", "auditor"],
  "policy:edit": ["tenant-admin", "compliance-officer"], // the draft and its impact analysis
  "policy:publish": ["compliance-officer"], // publish and roll back
  "portability:read": ["tenant-admin", "compliance-officer", "auditor"],
  "spend:read": ["tenant-admin", "compliance-officer", "auditor"],
  "prices:write": ["tenant-admin", "compliance-officer"],
  "decisions:explore": ["tenant-admin", "compliance-officer", "auditor"],
  "decisions:try": ["tenant-admin", "compliance-officer"],
  "teams:manage": ["tenant-admin"],
  "gateways:read": ["tenant-admin", "auditor"],
  "gateways:manage": ["tenant-admin"],
  "tenants:read": ["platform-admin"],
  "retention:manage": ["tenant-admin"],
  // Requesters read aliases (they pick the names to call); the impact of a draft is for officers, admins and auditors.
  "aliases:read": ["tenant-admin", "compliance-officer", "requester", "auditor"],
  "aliases:write": ["tenant-admin", "compliance-officer"],
  "aliases:impact": ["tenant-admin", "compliance-officer", "auditor"],
};

export function can(roles: readonly string[], permission: Permission): boolean {
  return GRANTS[permission].some((role) => roles.includes(role));
}

const ROLE_LABELS: Record<Role, string> = {
  "platform-admin": "Platform admin",
  "tenant-admin": "Tenant admin",
  "compliance-officer": "Compliance officer",
  requester: "Requester",
  auditor: "Auditor",
};

/** The roles Portolan knows, as people read them; token roles such as offline_access are left out. */
export function roleLabels(roles: readonly string[]): string[] {
  return roles.filter((r): r is Role => r in ROLE_LABELS).map((r) => ROLE_LABELS[r]);
}

/** An officer never decides their own request; the API refuses it too. */
export function canDecideRequest(
  roles: readonly string[],
  username: string,
  request: { requester: string; status: string; approvedBy: string[] },
): boolean {
  return (
    can(roles, "approvals:decide") &&
    request.status === "pending" &&
    request.requester !== username &&
    !request.approvedBy.includes(username)
  );
}
