import { Alert, List, ListItem } from "@patternfly/react-core";
import { Link } from "react-router-dom";
import { useApp } from "../../shared/context";
import { can } from "../../shared/permissions";
import { breachLine, type Dependency } from "./spend";
import { useLoader } from "../../shared/components/common";

/** This month's shares over the tenant's dependency ceilings, for the overview and the portability screen. */
export function DependencyWarnings() {
  const { api, user } = useApp();
  const allowed = can(user.roles, "spend:read");
  const { data } = useLoader(
    () => (allowed ? api.get<Dependency>("/api/v1/spend/dependency") : Promise.resolve(null)),
    [allowed],
  );
  if (!data || data.breaches.length === 0) return null;
  return (
    <Alert
      variant="warning"
      isInline
      title="Dependency over the tenant's ceilings this month"
      data-testid="dependency-warnings"
    >
      <List>
        {data.breaches.map((b) => (
          <ListItem key={`${b.dimension}-${b.classification}-${b.key}`}>{breachLine(b)}</ListItem>
        ))}
      </List>
      <Link to="/spend#dependency">Shares and ceilings on the spend screen</Link>
    </Alert>
  );
}
