import type { ComponentType } from "react";
import { AliasDetailPage } from "./features/aliases/AliasDetailPage";
import { AliasesPage } from "./features/aliases/AliasesPage";
import { ApprovalsPage } from "./features/approvals/ApprovalsPage";
import { NewRequestPage } from "./features/approvals/NewRequestPage";
import { RequestDetailPage } from "./features/approvals/RequestDetailPage";
import { AuditPage } from "./features/audit/AuditPage";
import { DecisionDetailPage } from "./features/decisions/DecisionDetailPage";
import { DecisionsPage } from "./features/decisions/DecisionsPage";
import { TryDecisionPage } from "./features/decisions/TryDecisionPage";
import { GatewaysPage } from "./features/admin/GatewaysPage";
import { TeamsPage } from "./features/admin/TeamsPage";
import { TenantsPage } from "./features/admin/TenantsPage";
import { ModelDetailPage } from "./features/inventory/ModelDetailPage";
import { ModelFormPage } from "./features/inventory/ModelFormPage";
import { ModelsPage } from "./features/inventory/ModelsPage";
import { VendorsPage } from "./features/inventory/VendorsPage";
import { OverviewPage } from "./features/overview/OverviewPage";
import { PolicyPage } from "./features/policy/PolicyPage";
import { PortabilityPage } from "./features/portability/PortabilityPage";
import { SpendPage } from "./features/spend/SpendPage";
import type { Permission } from "./shared/permissions";

/** A screen of the app: where it is, what it shows, and who sees it. */
export interface AppRoute {
  path: string;
  page: ComponentType;
  /** In the navigation under this label (in this list's order), for the roles with `permission`. */
  label?: string;
  /** The permission the screen is for: the navigation shows it only to roles that have it. */
  permission?: Permission;
  /** Opened by address without `permission`, the screen says so (`RequirePermission`) instead of loading. */
  guarded?: true;
}

/** Every route once; App maps over it and the navigation lists those with a label. */
export const ROUTES: AppRoute[] = [
  { path: "/", page: OverviewPage, label: "Overview", permission: "overview" },
  { path: "/approvals", page: ApprovalsPage, label: "Approval requests", permission: "approvals:read" },
  { path: "/approvals/new", page: NewRequestPage },
  { path: "/approvals/requests/:id", page: RequestDetailPage },
  { path: "/inventory/vendors", page: VendorsPage, label: "Vendors", permission: "inventory:read" },
  { path: "/inventory/models", page: ModelsPage, label: "Models", permission: "inventory:read" },
  { path: "/inventory/models/new", page: ModelFormPage },
  { path: "/inventory/models/:id", page: ModelDetailPage },
  { path: "/inventory/models/:id/edit", page: ModelFormPage },
  { path: "/aliases", page: AliasesPage, label: "Aliases", permission: "aliases:read", guarded: true },
  { path: "/aliases/:id", page: AliasDetailPage, permission: "aliases:read", guarded: true },
  { path: "/audit", page: AuditPage, label: "Audit", permission: "audit:read" },
  { path: "/policy", page: PolicyPage, label: "Policy", permission: "policy:read" },
  { path: "/portability", page: PortabilityPage, label: "Portability", permission: "portability:read" },
  { path: "/spend", page: SpendPage, label: "Spend", permission: "spend:read", guarded: true },
  {
    path: "/decisions",
    page: DecisionsPage,
    label: "Decision explorer",
    permission: "decisions:explore",
    guarded: true,
  },
  { path: "/decisions/try", page: TryDecisionPage, permission: "decisions:try", guarded: true },
  { path: "/decisions/:id", page: DecisionDetailPage, permission: "decisions:explore", guarded: true },
  { path: "/admin/teams", page: TeamsPage, label: "Teams", permission: "teams:manage", guarded: true },
  { path: "/admin/gateways", page: GatewaysPage, label: "Gateways", permission: "gateways:read", guarded: true },
  { path: "/admin/tenants", page: TenantsPage, label: "Tenants", permission: "tenants:read", guarded: true },
];

/** The navigation's entries, in order. */
export const SCREENS = ROUTES.filter(
  (r): r is AppRoute & { label: string; permission: Permission } => !!r.label && !!r.permission,
);
