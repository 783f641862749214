import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import BarsIcon from "@patternfly/react-icons/dist/esm/icons/bars-icon";
import { useMemo } from "react";
import { Navigate, NavLink, Route, Routes, useLocation } from "react-router-dom";
import { Api } from "./api";
import type { Session } from "./auth";
import { AppContext } from "./context";
import { can, roleLabels } from "./permissions";
import { SCREENS } from "./routes";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OverviewPage } from "./pages/OverviewPage";
import { ApprovalsPage } from "./pages/ApprovalsPage";
import { NewRequestPage } from "./pages/NewRequestPage";
import { RequestDetailPage } from "./pages/RequestDetailPage";
import { AuditPage } from "./pages/AuditPage";
import { VendorsPage } from "./pages/VendorsPage";
import { ModelsPage } from "./pages/ModelsPage";
import { ModelDetailPage } from "./pages/ModelDetailPage";
import { ModelFormPage } from "./pages/ModelFormPage";
import { PolicyPage } from "./pages/PolicyPage";
import { PortabilityPage } from "./pages/PortabilityPage";
import { SpendPage } from "./pages/SpendPage";
import { DecisionsPage } from "./pages/DecisionsPage";
import { DecisionDetailPage } from "./pages/DecisionDetailPage";
import { TryDecisionPage } from "./pages/TryDecisionPage";
import { TeamsPage } from "./pages/TeamsPage";
import { GatewaysPage } from "./pages/GatewaysPage";
import { TenantsPage } from "./pages/TenantsPage";
import { AliasesPage } from "./pages/AliasesPage";
import { AliasDetailPage } from "./pages/AliasDetailPage";
import { RequirePermission } from "./components/RequirePermission";

export function App({ session }: { session: Session }) {
  const { user } = session;
  const api = useMemo(() => new Api(session.token), [session]);
  const location = useLocation();
  const screens = SCREENS.filter((s) => can(user.roles, s.permission));
  // The platform admin has no tenant, so no overview: they land on their first screen instead.
  const home =
    can(user.roles, "overview") || screens.length === 0 ? <OverviewPage /> : <Navigate to={screens[0].path} replace />;
  const isCurrent = (path: string) => (path === "/" ? location.pathname === "/" : location.pathname.startsWith(path));

  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton variant="plain" aria-label="Toggle navigation">
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component="a" href="/">
            <span style={{ fontSize: "1.25rem", fontWeight: 600, color: "inherit" }}>Portolan</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            <ToolbarGroup align={{ default: "alignEnd" }}>
              <ToolbarItem data-testid="masthead-user">
                <strong>{user.username}</strong>
              </ToolbarItem>
              <ToolbarItem data-testid="masthead-tenant">tenant {user.tenant ?? "none"}</ToolbarItem>
              <ToolbarItem data-testid="masthead-role">{roleLabels(user.roles).join(", ") || "no role"}</ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" onClick={session.logout}>
                  Sign out
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="Screens">
          <NavList>
            {screens.map((s) => (
              <NavItem key={s.path} isActive={isCurrent(s.path)}>
                <NavLink to={s.path} end={s.path === "/"}>
                  {s.label}
                </NavLink>
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <AppContext.Provider value={{ user, api }}>
      <Page masthead={masthead} sidebar={sidebar} isManagedSidebar>
        <Routes>
          <Route path="/" element={home} />
          <Route path="/approvals" element={<ApprovalsPage />} />
          <Route path="/approvals/new" element={<NewRequestPage />} />
          <Route path="/approvals/requests/:id" element={<RequestDetailPage />} />
          <Route path="/inventory/vendors" element={<VendorsPage />} />
          <Route path="/inventory/models" element={<ModelsPage />} />
          <Route path="/inventory/models/new" element={<ModelFormPage />} />
          <Route path="/inventory/models/:id" element={<ModelDetailPage />} />
          <Route path="/inventory/models/:id/edit" element={<ModelFormPage />} />
          <Route
            path="/aliases"
            element={
              <RequirePermission permission="aliases:read">
                <AliasesPage />
              </RequirePermission>
            }
          />
          <Route
            path="/aliases/:id"
            element={
              <RequirePermission permission="aliases:read">
                <AliasDetailPage />
              </RequirePermission>
            }
          />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/policy" element={<PolicyPage />} />
          <Route path="/portability" element={<PortabilityPage />} />
          <Route
            path="/spend"
            element={
              <RequirePermission permission="spend:read">
                <SpendPage />
              </RequirePermission>
            }
          />
          <Route
            path="/decisions"
            element={
              <RequirePermission permission="decisions:explore">
                <DecisionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="/decisions/try"
            element={
              <RequirePermission permission="decisions:try">
                <TryDecisionPage />
              </RequirePermission>
            }
          />
          <Route
            path="/decisions/:id"
            element={
              <RequirePermission permission="decisions:explore">
                <DecisionDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="/admin/teams"
            element={
              <RequirePermission permission="teams:manage">
                <TeamsPage />
              </RequirePermission>
            }
          />
          <Route
            path="/admin/gateways"
            element={
              <RequirePermission permission="gateways:read">
                <GatewaysPage />
              </RequirePermission>
            }
          />
          <Route
            path="/admin/tenants"
            element={
              <RequirePermission permission="tenants:read">
                <TenantsPage />
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Page>
    </AppContext.Provider>
  );
}
