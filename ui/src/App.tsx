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
import { Api } from "./shared/api";
import type { Session } from "./shared/auth";
import { AppContext } from "./shared/context";
import { can, roleLabels } from "./shared/permissions";
import { ROUTES, SCREENS, type AppRoute } from "./routes";
import { NotFoundPage } from "./shared/components/NotFoundPage";
import { RequirePermission } from "./shared/components/RequirePermission";

export function App({ session }: { session: Session }) {
  const { user } = session;
  const api = useMemo(() => new Api(session.token), [session]);
  const location = useLocation();
  const screens = SCREENS.filter((s) => can(user.roles, s.permission));
  // The platform admin has no tenant, so no overview: they land on their first screen instead.
  const landsElsewhere = !can(user.roles, "overview") && screens.length > 0;
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
          {ROUTES.map((r) => (
            <Route
              key={r.path}
              path={r.path}
              element={r.path === "/" && landsElsewhere ? <Navigate to={screens[0].path} replace /> : element(r)}
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Page>
    </AppContext.Provider>
  );
}

/** A route's page, behind RequirePermission when the route is guarded. */
function element({ page: Page, permission, guarded }: AppRoute) {
  return guarded && permission ? (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  ) : (
    <Page />
  );
}
