import { PageSection, Title } from "@patternfly/react-core";
import type { Tenant } from "./admin";
import { useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { DataTable } from "../../shared/components/DataTable";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";

/** The platform admin's view: every tenant (Keycloak organization) that has used Portolan. */
export function TenantsPage() {
  const { api } = useApp();
  const { data, error } = useLoader(() => api.get<Tenant[]>("/api/v1/tenants"), []);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Tenants</Title>
        <p>
          A tenant is a Keycloak organization; it appears here once one of its users or gateways has called Portolan.
        </p>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The tenants could not be loaded">
          {(data) => (
            <DataTable
              label="Tenants"
              rows={data}
              rowKey={(t) => t.id}
              columns={[
                { title: "Tenant", value: (t) => t.id },
                { title: "First seen", value: (t) => t.createdAt, render: (t) => formatInstant(t.createdAt) },
              ]}
              empty="Create an organization in Keycloak and add its users: the tenant appears when one of them signs in to Portolan."
            />
          )}
        </Loaded>
      </PageSection>
    </>
  );
}
