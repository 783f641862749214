import { EmptyState, EmptyStateBody, PageSection } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { useApp } from "../context";
import { can, type Permission } from "../permissions";

/**
 * A screen only for roles with `permission`: others, arriving by a typed or shared address, get a
 * plain sentence instead of a screen half filled with refusals. The API refuses them anyway.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { user } = useApp();
  if (can(user.roles, permission)) return <>{children}</>;
  return (
    <PageSection>
      <EmptyState titleText="Not for your role" headingLevel="h1" data-testid="not-permitted">
        <EmptyStateBody>
          Your role does not open this screen; ask your tenant admin if you need it.{" "}
          <Link to="/">Go to the start page.</Link>
        </EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
}
