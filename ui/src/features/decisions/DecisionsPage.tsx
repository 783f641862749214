import {
  Button,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
  Form,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  PageSection,
  Pagination,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { Page } from "../../shared/api";
import { ErrorAlert, Field, Loading, StatusLabel, useLoader } from "../../shared/components/common";
import { useApp } from "../../shared/context";
import {
  clientLabel,
  deploymentLabel,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  NO_FILTERS,
  OBLIGATIONS,
  searchPath,
  toDecision,
  type DecisionFilters,
  type LoggedDecision,
} from "./explorer";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";

const PER_PAGE = 20;

/** Logged decisions, newest first, searched by time, team, model, alias, deployment, outcome and obligation. */
export function DecisionsPage() {
  const { api, user } = useApp();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const applied = filtersFromSearch(search);
  const page = Math.max(1, Number(search.get("page")) || 1);
  const perPage = Number(search.get("size")) || PER_PAGE;
  const [form, setForm] = useState<DecisionFilters>(applied);
  const key = search.toString();
  const { data, error, loading } = useLoader(
    () => api.get<Page<LoggedDecision>>(searchPath(applied, page, perPage)),
    [key],
  );
  const apply = (filters: DecisionFilters, toPage = 1, size = perPage) => {
    const next = filtersToSearch(filters, toPage);
    if (size !== PER_PAGE) next.set("size", String(size));
    setSearch(next);
  };
  const clear = () => {
    setForm(NO_FILTERS);
    apply(NO_FILTERS);
  };
  const set = (change: Partial<DecisionFilters>) => setForm((f) => ({ ...f, ...change }));
  const canTry = can(user.roles, "decisions:try");

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Decision explorer</Title>
        <p>Every decision Portolan gave, newest first. Open one to see its full input, reasons and origin.</p>
      </PageSection>
      <PageSection>
        <Form
          onSubmit={(e) => {
            e.preventDefault();
            apply(form);
          }}
        >
          <Grid hasGutter md={4} lg={2}>
            <GridItem>
              <Field label="From" fieldId="explore-from" hint="First day (UTC)">
                <TextInput id="explore-from" type="date" value={form.from} onChange={(_e, v) => set({ from: v })} />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="To" fieldId="explore-to" hint="Last day (UTC)">
                <TextInput id="explore-to" type="date" value={form.to} onChange={(_e, v) => set({ to: v })} />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Team" fieldId="explore-team">
                <TextInput id="explore-team" value={form.team} onChange={(_e, v) => set({ team: v })} />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Model" fieldId="explore-model">
                <TextInput id="explore-model" value={form.model} onChange={(_e, v) => set({ model: v })} />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Alias" fieldId="explore-alias" hint="Questions that asked for it">
                <TextInput id="explore-alias" value={form.alias} onChange={(_e, v) => set({ alias: v })} />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Deployment" fieldId="explore-deployment" hint="Asked for or routed to">
                <TextInput
                  id="explore-deployment"
                  value={form.deployment}
                  onChange={(_e, v) => set({ deployment: v })}
                />
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Outcome" fieldId="explore-outcome">
                <FormSelect
                  id="explore-outcome"
                  value={form.outcome}
                  onChange={(_e, v) => set({ outcome: v as DecisionFilters["outcome"] })}
                >
                  <FormSelectOption value="" label="Allowed and denied" />
                  <FormSelectOption value="allow" label="Allowed" />
                  <FormSelectOption value="deny" label="Denied" />
                </FormSelect>
              </Field>
            </GridItem>
            <GridItem>
              <Field label="Obligation" fieldId="explore-obligation">
                <FormSelect
                  id="explore-obligation"
                  value={form.obligation}
                  onChange={(_e, v) => set({ obligation: v })}
                >
                  <FormSelectOption value="" label="With or without" />
                  {OBLIGATIONS.map((o) => (
                    <FormSelectOption key={o.code} value={o.code} label={o.label} />
                  ))}
                  {form.obligation && !OBLIGATIONS.some((o) => o.code === form.obligation) && (
                    <FormSelectOption value={form.obligation} label={form.obligation} />
                  )}
                </FormSelect>
              </Field>
            </GridItem>
            <GridItem style={{ display: "flex", alignItems: "flex-end", gap: "0.5rem" }}>
              <Button type="submit" data-testid="explore-search">
                Search
              </Button>
              <Button variant="link" onClick={clear}>
                Clear
              </Button>
            </GridItem>
          </Grid>
        </Form>
      </PageSection>
      <PageSection>
        {canTry && (
          <Button variant="secondary" onClick={() => navigate("/decisions/try")} data-testid="try-decision">
            Try a decision
          </Button>
        )}
        <ErrorAlert error={error} title="The decisions could not be searched" />
        {loading && !data && <Loading />}
        {data && data.total === 0 && (
          <EmptyState
            titleText={hasFilters(applied) ? "No decision matches" : "No decisions logged yet"}
            headingLevel="h2"
            data-testid="explore-empty"
          >
            <EmptyStateBody>
              {hasFilters(applied)
                ? "Widen the dates, check the team, model, alias and deployment ids, or clear the filters."
                : "Decisions appear here as gateways ask Portolan. Issue a gateway credential under Gateways, or try a decision yourself."}
            </EmptyStateBody>
            <EmptyStateFooter>
              <EmptyStateActions>
                {hasFilters(applied) && (
                  <Button variant="primary" onClick={clear}>
                    Clear the filters
                  </Button>
                )}
                {canTry && (
                  <Button variant="secondary" onClick={() => navigate("/decisions/try")}>
                    Try a decision
                  </Button>
                )}
              </EmptyStateActions>
            </EmptyStateFooter>
          </EmptyState>
        )}
        {data && data.total > 0 && (
          <>
            <Pagination
              itemCount={data.total}
              page={page}
              perPage={perPage}
              onSetPage={(_e, p) => apply(applied, p)}
              onPerPageSelect={(_e, size) => apply(applied, 1, size)}
              isCompact
              titles={{ paginationAriaLabel: "Decision pages" }}
            />
            <Table aria-label="Decisions" variant="compact" data-testid="decisions-table">
              <Thead>
                <Tr>
                  <Th>Evaluated</Th>
                  <Th>Outcome</Th>
                  <Th>Team</Th>
                  <Th>Model</Th>
                  <Th>Alias</Th>
                  <Th>Deployment</Th>
                  <Th>Purpose</Th>
                  <Th>Classification</Th>
                  <Th>Region</Th>
                  <Th>Reasons</Th>
                  <Th>Obligations</Th>
                  <Th>Client</Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.items.map((d) => (
                  <Tr key={d.id} data-testid={`decision-${d.id}`}>
                    <Td dataLabel="Evaluated">
                      <Link to={toDecision(d.id)} aria-label={`${formatInstant(d.evaluatedAt)}, decision ${d.id}`}>
                        {formatInstant(d.evaluatedAt)}
                      </Link>
                    </Td>
                    <Td dataLabel="Outcome">
                      <StatusLabel status={d.allow ? "allow" : "deny"} />
                    </Td>
                    <Td dataLabel="Team">{d.team}</Td>
                    <Td dataLabel="Model">{d.model}</Td>
                    <Td dataLabel="Alias">{d.alias ?? "—"}</Td>
                    <Td dataLabel="Deployment">{deploymentLabel(d)}</Td>
                    <Td dataLabel="Purpose">{d.purpose}</Td>
                    <Td dataLabel="Classification">{d.dataClassification}</Td>
                    <Td dataLabel="Region">{d.region}</Td>
                    <Td dataLabel="Reasons">{d.reasons.map((r) => r.code).join(", ") || "—"}</Td>
                    <Td dataLabel="Obligations">{d.obligations.map((o) => o.code).join(", ") || "—"}</Td>
                    <Td dataLabel="Client">{clientLabel(d.clientId)}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </>
        )}
      </PageSection>
    </>
  );
}
