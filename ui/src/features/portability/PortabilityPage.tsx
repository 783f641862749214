import {
  Alert,
  Button,
  EmptyState,
  EmptyStateBody,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  Label,
  PageSection,
  SearchInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { loadAll, query, type Api } from "../../shared/api";
import { ErrorAlert, Loading, useLoader } from "../../shared/components/common";
import { DependencyWarnings } from "../spend/DependencyWarnings";
import { useApp } from "../../shared/context";
import { daysUntil } from "../inventory/cutoff";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import {
  CLASSIFICATIONS,
  cutOffOptions,
  isLost,
  lossesByTeam,
  matrixOf,
  parseCutOff,
  lossLines,
  type CapabilityLoss,
  type Matrix,
  type UpcomingCutOff,
  type PortabilityTeam,
  type WhatIf,
} from "./portability";
import type { Vendor } from "../../shared/types";

async function loadMatrix(api: Api) {
  const [portability, vendors, upcoming] = await Promise.all([
    api.get<{ teams: PortabilityTeam[] }>("/api/v1/portability"),
    loadAll<Vendor>(api, "/api/v1/vendors"),
    api.get<{ cutOffs: UpcomingCutOff[] }>("/api/v1/portability/cut-offs"),
  ]);
  return { teams: portability.teams, vendors, cutOffs: upcoming.cutOffs };
}

/** Which teams could switch models, and what they would lose if a vendor or jurisdiction were cut off. */
export function PortabilityPage() {
  const { api } = useApp();
  const [params, setParams] = useSearchParams();
  const cut = params.get("cut") ?? "";
  const classification = CLASSIFICATIONS.find((c) => c === params.get("class")) ?? "";
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const { data, error, loading, reload } = useLoader(() => loadMatrix(api), []);
  const whatIf = useLoader(async () => {
    const cutOff = parseCutOff(cut);
    return cutOff ? api.get<WhatIf>(`/api/v1/portability/what-if${query(cutOff)}`) : null;
  }, [cut]);
  const [filter, setFilter] = useState("");
  const refresh = () => {
    reload();
    whatIf.reload();
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Portability</Title>
        <p>
          For each team and capability, the models it may use now under the published settings: approved for the team
          and in the inventory, from a vendor that is not suspended, and allowed by every rule for the data
          classification chosen (a model approved only for public data is no cover for restricted work). A capability
          that rests on one vendor is lost with that vendor.
        </p>
      </PageSection>
      <PageSection>
        <DependencyWarnings />
        <ErrorAlert error={error} title="Portability could not be loaded" />
        {!data && !error && <Loading />}
        {data && data.teams.length === 0 && <NoTeams />}
        {data && data.teams.length > 0 && (
          <>
            <WhatIfSection
              vendors={data.vendors}
              cut={cut}
              onCut={(value) => setParam("cut", value)}
              result={whatIf.data ?? null}
              loading={whatIf.loading}
              error={whatIf.error}
            />
            <UpcomingCutOffs cutOffs={data.cutOffs} />
            <MatrixSection
              matrix={matrixOf(data.teams, filter, classification)}
              singleVendor={matrixOf(data.teams, "", classification).singleVendor}
              classification={classification}
              onClassification={(value) => setParam("class", value)}
              filter={filter}
              onFilter={setFilter}
              losses={whatIf.data?.teamsLosingCapabilities ?? []}
              suspended={data.vendors.filter((v) => v.suspended)}
              onRefresh={refresh}
              refreshing={loading}
            />
          </>
        )}
      </PageSection>
    </>
  );
}

function NoTeams() {
  const { user } = useApp();
  return (
    <EmptyState titleText="No team holds an approved model yet" headingLevel="h2" data-testid="no-portability">
      <EmptyStateBody>
        Teams appear here once an officer approves their requests for models that are approved in the inventory.{" "}
        {can(user.roles, "approvals:read") && <Link to="/approvals">Go to the approval requests.</Link>}
      </EmptyStateBody>
    </EmptyState>
  );
}

/** Cut-offs announced on vendors and models: when, and what each leaves teams without. */
function UpcomingCutOffs({ cutOffs }: { cutOffs: UpcomingCutOff[] }) {
  return (
    <section aria-labelledby="upcoming-title" style={{ marginBottom: "2rem" }} data-testid="upcoming-cut-offs">
      <Title headingLevel="h2" size="lg" id="upcoming-title">
        Announced cut-offs
      </Title>
      {cutOffs.length === 0 ? (
        <p>
          No vendor or model has a cut-off announced. Officers set one on a vendor or a model when a retirement or an
          export rule is announced.
        </p>
      ) : (
        <Table aria-label="Announced cut-offs" variant="compact">
          <Thead>
            <Tr>
              <Th>When</Th>
              <Th>What goes</Th>
              <Th>Models</Th>
              <Th>Left without a usable model</Th>
            </Tr>
          </Thead>
          <Tbody>
            {cutOffs.map((c) => {
              const lines = lossLines(c);
              return (
                <Tr key={`${c.kind}/${c.id}`} data-testid={`upcoming-${c.kind}-${c.id}`}>
                  <Td dataLabel="When">
                    {formatInstant(c.cutOffAt)} (in {daysUntil(c.cutOffAt)} day{daysUntil(c.cutOffAt) === 1 ? "" : "s"})
                  </Td>
                  <Td dataLabel="What goes">
                    {c.kind} {c.id}
                    {c.reason ? `: ${c.reason}` : ""}
                  </Td>
                  <Td dataLabel="Models">{c.models.join(", ") || "none"}</Td>
                  <Td dataLabel="Left without a usable model">
                    {lines.length === 0 ? (
                      <Label color="green">every team keeps a usable model</Label>
                    ) : (
                      lines.map((line) => (
                        <div key={line}>
                          <Label color="red">{line}</Label>
                        </div>
                      ))
                    )}
                  </Td>
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </section>
  );
}

interface WhatIfProps {
  vendors: Vendor[];
  cut: string;
  onCut: (value: string) => void;
  result: WhatIf | null;
  loading: boolean;
  error: unknown;
}

function WhatIfSection({ vendors, cut, onCut, result, loading, error }: WhatIfProps) {
  const options = cutOffOptions(vendors);
  const losses = lossesByTeam(result?.teamsLosingCapabilities ?? []);
  const lostCount = losses.reduce((n, t) => n + t.capabilities.length, 0);
  const vendor = result?.vendor ? vendors.find((v) => v.id === result.vendor) : undefined;
  const what = result?.vendor ? (vendor?.name ?? result.vendor) : `every vendor from ${result?.jurisdiction}`;
  return (
    <section aria-labelledby="what-if-title" style={{ marginBottom: "2rem" }}>
      <Title headingLevel="h2" size="lg" id="what-if-title">
        What if a supplier is cut off?
      </Title>
      <Flex alignItems={{ default: "alignItemsCenter" }} style={{ margin: "0.75rem 0" }}>
        <FlexItem>
          <FormSelect
            id="cut-off"
            aria-label="Supplier cut off"
            value={cut}
            onChange={(_e, v) => onCut(v)}
            data-testid="cut-off"
          >
            <FormSelectOption value="" label="Choose a vendor or jurisdiction" />
            <FormSelectOptionGroup label="Vendors">
              {options.vendors.map((o) => (
                <FormSelectOption key={o.value} value={o.value} label={o.label} />
              ))}
            </FormSelectOptionGroup>
            <FormSelectOptionGroup label="Jurisdictions">
              {options.jurisdictions.map((o) => (
                <FormSelectOption key={o.value} value={o.value} label={o.label} />
              ))}
            </FormSelectOptionGroup>
          </FormSelect>
        </FlexItem>
        {loading && cut && (
          <FlexItem>
            <Loading />
          </FlexItem>
        )}
      </Flex>
      <ErrorAlert error={error} title="The what-if could not be answered" />
      {!cut && (
        <p>
          Choose a vendor or a jurisdiction to see which teams would be left without any usable model for a capability
          and a data classification.
        </p>
      )}
      {vendor?.suspended && !loading && (
        <Alert variant="info" isInline title={`${vendor.name} is suspended already`} style={{ marginBottom: "0.5rem" }}>
          Its models are left out of what teams may use, so cutting it off changes nothing more.
        </Alert>
      )}
      {result && !loading && losses.length === 0 && (
        <Alert
          variant="success"
          isInline
          title={`No team loses a capability if ${what} is cut off`}
          data-testid="what-if-result"
        >
          Every team keeps a usable model from another supplier for each capability and data classification it has one
          for.
        </Alert>
      )}
      {result && !loading && losses.length > 0 && (
        <div data-testid="what-if-result">
          <Alert
            variant="danger"
            isInline
            title={`If ${what} is cut off, ${losses.length} team${losses.length === 1 ? "" : "s"} lose${losses.length === 1 ? "s" : ""} ${lostCount} capabilit${lostCount === 1 ? "y" : "ies"}`}
          >
            Approve a model from another vendor and jurisdiction for these teams to keep them working.
          </Alert>
          <Table aria-label="Capabilities lost" variant="compact" data-testid="what-if-losses">
            <Thead>
              <Tr>
                <Th>Team</Th>
                <Th>Capability lost</Th>
                <Th>For data</Th>
                <Th>Its usable models, all cut off</Th>
              </Tr>
            </Thead>
            <Tbody>
              {losses.flatMap((t) =>
                t.capabilities.map((c) => (
                  <Tr key={`${t.team}/${c.capability}`} data-testid={`loss-${t.team}-${c.capability}`}>
                    <Td dataLabel="Team">{t.team}</Td>
                    <Td dataLabel="Capability lost">{c.capability}</Td>
                    <Td dataLabel="For data">{c.classifications.join(", ") || "any"}</Td>
                    <Td dataLabel="Its usable models, all cut off">{c.lost.join(", ")}</Td>
                  </Tr>
                )),
              )}
            </Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}

interface MatrixProps {
  matrix: Matrix;
  /** Over all teams, whatever the filter. */
  singleVendor: number;
  filter: string;
  onFilter: (filter: string) => void;
  losses: CapabilityLoss[];
  classification: string;
  onClassification: (classification: string) => void;
  suspended: Vendor[];
  onRefresh: () => void;
  refreshing: boolean;
}

function MatrixSection(props: MatrixProps) {
  const {
    matrix,
    singleVendor,
    filter,
    onFilter,
    losses,
    classification,
    onClassification,
    suspended,
    onRefresh,
    refreshing,
  } = props;
  return (
    <section aria-labelledby="matrix-title">
      <Title headingLevel="h2" size="lg" id="matrix-title">
        Teams and capabilities
      </Title>
      <p data-testid="matrix-summary">
        {singleVendor === 0
          ? "Every team capability has usable models from more than one vendor."
          : `${singleVendor} team capabilit${singleVendor === 1 ? "y rests" : "ies rest"} on a single vendor.`}
        {suspended.length > 0 &&
          ` Models of suspended vendors (${suspended.map((v) => v.name).join(", ")}) are left out.`}
      </p>
      <Flex alignItems={{ default: "alignItemsCenter" }} style={{ margin: "0.75rem 0" }}>
        <FlexItem>
          <SearchInput
            aria-label="Filter teams"
            placeholder="Filter teams"
            value={filter}
            onChange={(_e, v) => onFilter(v)}
            onClear={() => onFilter("")}
          />
        </FlexItem>
        <FlexItem>
          <FormSelect
            id="portability-classification"
            aria-label="Data classification"
            value={classification}
            onChange={(_e, v) => onClassification(v)}
            data-testid="portability-classification"
          >
            <FormSelectOption value="" label="Any data classification" />
            {CLASSIFICATIONS.map((c) => (
              <FormSelectOption key={c} value={c} label={`${c[0].toUpperCase()}${c.slice(1)} data`} />
            ))}
          </FormSelect>
        </FlexItem>
        <FlexItem>
          <Button
            variant="secondary"
            onClick={onRefresh}
            isLoading={refreshing}
            isDisabled={refreshing}
            data-testid="refresh-portability"
          >
            Refresh
          </Button>
        </FlexItem>
      </Flex>
      {matrix.rows.length === 0 ? (
        <p>No team matches “{filter}”.</p>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <Table
            aria-label="Teams and capabilities"
            variant="compact"
            gridBreakPoint=""
            data-testid="portability-matrix"
          >
            <Thead>
              <Tr>
                <Th>Team</Th>
                {matrix.capabilities.map((c) => (
                  <Th key={c} modifier="nowrap">
                    {c}
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {matrix.rows.map((row) => (
                <Tr key={row.team} data-testid={`team-${row.team}`}>
                  <Th dataLabel="Team">{row.team}</Th>
                  {matrix.capabilities.map((capability) => {
                    const cell = row.cells[capability];
                    return (
                      <Td key={capability} dataLabel={capability} data-testid={`cell-${row.team}-${capability}`}>
                        {cell.exposure === "none" ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="pf-v6-screen-reader">none usable</span>
                          </>
                        ) : (
                          <>
                            {cell.models.map((m) => (
                              <div key={m.model}>
                                {m.model}{" "}
                                <small>
                                  ({m.vendor}, {m.jurisdiction || "?"})
                                </small>
                              </div>
                            ))}
                            {isLost(losses, row.team, capability, classification) ? (
                              <Label color="red">lost in the what-if</Label>
                            ) : (
                              cell.exposure === "single-vendor" && <Label color="orange">single vendor</Label>
                            )}
                          </>
                        )}
                      </Td>
                    );
                  })}
                </Tr>
              ))}
            </Tbody>
          </Table>
        </div>
      )}
    </section>
  );
}
