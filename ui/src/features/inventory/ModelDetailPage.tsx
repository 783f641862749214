import {
  Button,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useNavigate, useParams } from "react-router-dom";
import { loadAll } from "../../shared/api";
import { deploymentsLabel } from "../approvals/approvalDeployments";
import { ErrorAlert, Loading, StatusLabel, useLoader } from "../../shared/components/common";
import { useApp } from "../../shared/context";
import { describeCutOff } from "./cutoff";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import type { Approval, Model, Vendor } from "../../shared/types";
import { ModelDeployments } from "./ModelDeployments";

/** A model's provenance, where it runs, and which teams hold approvals for it. */
export function ModelDetailPage() {
  const { id = "" } = useParams();
  const { api, user } = useApp();
  const navigate = useNavigate();
  const { data, error, reload } = useLoader(async () => {
    const model = await api.get<Model>(`/api/v1/models/${encodeURIComponent(id)}`);
    const [vendor, approvals] = await Promise.all([
      api.get<Vendor>(`/api/v1/vendors/${encodeURIComponent(model.vendor)}`),
      loadAll<Approval>(api, "/api/v1/approvals"),
    ]);
    return { model, vendor, approvals: approvals.filter((a) => a.model === model.id && !a.revokedAt) };
  }, [id]);

  if (error)
    return (
      <PageSection>
        <ErrorAlert error={error} title="This model could not be loaded" />
      </PageSection>
    );
  if (!data)
    return (
      <PageSection>
        <Loading />
      </PageSection>
    );
  const { model, vendor, approvals } = data;
  const rows: [string, React.ReactNode][] = [
    ["Vendor", `${vendor.name} (${vendor.id})`],
    ["Jurisdiction", vendor.jurisdiction],
    ["Vendor status", vendor.suspended ? `suspended: ${vendor.suspensionReason ?? ""}` : "active"],
    ["Hosting regions", model.hostingRegions.join(", ") || "none"],
    ["Weights", model.openWeights ? "open" : "closed"],
    ["Self-hostable", model.selfHostable ? "yes" : "no"],
    ["Licence", model.licence || "—"],
    ["Capabilities", model.capabilities.join(", ") || "none"],
    ["Cost tier", model.costTier],
    ["Status", <StatusLabel key="s" status={model.status} />],
    [
      "Cut-off",
      describeCutOff({ cutOffAt: model.cutOffAt ?? null, cutOffReason: model.cutOffReason ?? null }) ||
        "none announced",
    ],
    [
      "Vendor cut-off",
      describeCutOff({ cutOffAt: vendor.cutOffAt ?? null, cutOffReason: vendor.cutOffReason ?? null }) ||
        "none announced",
    ],
  ];
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{model.displayName}</Title>
      </PageSection>
      <PageSection>
        <Grid hasGutter>
          <GridItem md={5}>
            <Card>
              <CardTitle component="h2">Provenance</CardTitle>
              <CardBody>
                <DescriptionList isHorizontal data-testid="provenance">
                  {rows.map(([term, value]) => (
                    <DescriptionListGroup key={term}>
                      <DescriptionListTerm>{term}</DescriptionListTerm>
                      <DescriptionListDescription>{value}</DescriptionListDescription>
                    </DescriptionListGroup>
                  ))}
                </DescriptionList>
                {can(user.roles, "inventory:write") && (
                  <Button
                    style={{ marginTop: "1rem" }}
                    onClick={() => navigate(`/inventory/models/${encodeURIComponent(model.id)}/edit`)}
                    data-testid="edit-model"
                  >
                    Edit
                  </Button>
                )}
              </CardBody>
            </Card>
          </GridItem>
          <GridItem md={7}>
            <Card>
              <CardTitle component="h2">Teams approved to use it</CardTitle>
              <CardBody>
                {approvals.length === 0 ? (
                  <p>No team holds an approval for this model. Teams ask for one under Approval requests.</p>
                ) : (
                  <Table aria-label="Approvals for this model" variant="compact">
                    <Thead>
                      <Tr>
                        <Th>Team</Th>
                        <Th>Purpose</Th>
                        <Th>Data up to</Th>
                        <Th>Regions</Th>
                        <Th>Deployments</Th>
                        <Th>Expires</Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {approvals.map((a) => (
                        <Tr key={a.id}>
                          <Td dataLabel="Team">{a.team}</Td>
                          <Td dataLabel="Purpose">{a.purpose}</Td>
                          <Td dataLabel="Data up to">{a.maxDataClassification}</Td>
                          <Td dataLabel="Regions">{a.regions.join(", ") || "any allowed"}</Td>
                          <Td dataLabel="Deployments">{deploymentsLabel(a.deployments, "Any")}</Td>
                          <Td dataLabel="Expires">{formatInstant(a.expiresAt)}</Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                )}
              </CardBody>
            </Card>
          </GridItem>
          <GridItem md={12}>
            <ModelDeployments model={model} canWrite={can(user.roles, "inventory:write")} onChanged={reload} />
          </GridItem>
        </Grid>
      </PageSection>
    </>
  );
}
