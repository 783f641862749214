import { Button, PageSection, Title, ToolbarItem } from "@patternfly/react-core";
import { Link, useNavigate } from "react-router-dom";
import { loadAll } from "../../shared/api";
import { StatusLabel, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { DataTable } from "../../shared/components/DataTable";
import { useApp } from "../../shared/context";
import { can } from "../../shared/permissions";
import { toModel } from "../../shared/paths";
import type { Model } from "../../shared/types";

export function ModelsPage() {
  const { api, user } = useApp();
  const navigate = useNavigate();
  const { data, error } = useLoader(() => loadAll<Model>(api, "/api/v1/models"), []);
  const canWrite = can(user.roles, "inventory:write");
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Models</Title>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The models could not be loaded">
          {(data) => (
            <DataTable
              label="Models"
              rows={data}
              rowKey={(m) => m.id}
              columns={[
                {
                  title: "Name",
                  value: (m) => m.displayName,
                  render: (m) => <Link to={toModel(m.id)}>{m.displayName}</Link>,
                },
                { title: "Id", value: (m) => m.id },
                { title: "Vendor", value: (m) => m.vendor },
                { title: "Regions", value: (m) => m.hostingRegions.join(", ") },
                { title: "Weights", value: (m) => (m.openWeights ? "open" : "closed") },
                { title: "Capabilities", value: (m) => m.capabilities.join(", ") },
                { title: "Cost", value: (m) => m.costTier },
                { title: "Status", value: (m) => m.status, render: (m) => <StatusLabel status={m.status} /> },
              ]}
              toolbar={
                canWrite && (
                  <ToolbarItem>
                    <Button onClick={() => navigate("/inventory/models/new")} data-testid="add-model">
                      Add model
                    </Button>
                  </ToolbarItem>
                )
              }
              empty={
                canWrite
                  ? "Add a vendor, then the models your teams may ask for."
                  : "An officer adds models to the inventory."
              }
            />
          )}
        </Loaded>
      </PageSection>
    </>
  );
}
