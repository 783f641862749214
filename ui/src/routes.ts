import type { Permission } from "./permissions";

/** Every screen once: its path, its navigation label and the permission that shows it. */
export interface ScreenRoute {
  path: string;
  label: string;
  permission: Permission;
}

export const SCREENS: ScreenRoute[] = [
  { path: "/", label: "Overview", permission: "overview" },
  { path: "/approvals", label: "Approval requests", permission: "approvals:read" },
  { path: "/inventory/vendors", label: "Vendors", permission: "inventory:read" },
  { path: "/inventory/models", label: "Models", permission: "inventory:read" },
  { path: "/aliases", label: "Aliases", permission: "aliases:read" },
  { path: "/audit", label: "Audit", permission: "audit:read" },
  { path: "/policy", label: "Policy", permission: "policy:read" },
  { path: "/portability", label: "Portability", permission: "portability:read" },
  { path: "/spend", label: "Spend", permission: "spend:read" },
  { path: "/decisions", label: "Decision explorer", permission: "decisions:explore" },
  { path: "/admin/teams", label: "Teams", permission: "teams:manage" },
  { path: "/admin/gateways", label: "Gateways", permission: "gateways:read" },
  { path: "/admin/tenants", label: "Tenants", permission: "tenants:read" },
];

export const toApprovalRequest = (id: string) => `/approvals/requests/${encodeURIComponent(id)}`;
export const toModel = (id: string) => `/inventory/models/${encodeURIComponent(id)}`;
