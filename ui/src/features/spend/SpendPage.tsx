import {
  ActionGroup,
  Alert,
  Button,
  Flex,
  FlexItem,
  Form,
  FormSelect,
  FormSelectOption,
  PageSection,
  Progress,
  ProgressMeasureLocation,
  ProgressSize,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { fieldErrors, loadAll, query } from "../../shared/api";
import { BudgetsSection } from "./BudgetsSection";
import { DependencySection } from "./DependencySection";
import { ErrorAlert, Field, Loading, useLoader } from "../../shared/components/common";
import { useAttempt } from "../../shared/useAttempt";
import { DeleteCell } from "./DeleteCell";
import { InlineForm } from "./InlineForm";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import { toModel } from "../../shared/paths";
import {
  costShare,
  filtersOf,
  formatCost,
  formatPerMillion,
  GROUPS,
  importSummary,
  INTERVALS,
  type Price,
  type PriceImport,
  type SpendFilters,
  type SpendItem,
  type SpendReport,
} from "./spend";
import type { Model } from "../../shared/types";

const GROUP_LABELS: Record<SpendFilters["groupBy"], string> = {
  team: "Team",
  model: "Model",
  vendor: "Vendor",
  jurisdiction: "Vendor jurisdiction",
  deployment: "Deployment routed to",
  operator: "Operator",
  operatorJurisdiction: "Operator jurisdiction",
};
const INTERVAL_LABELS: Record<SpendFilters["interval"], string> = {
  total: "Whole window",
  month: "By month",
  day: "By day",
};

/** What each team used and spent with whom, from the usage gateways report; and the price list behind it. */
export function SpendPage() {
  const { api } = useApp();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const setFilter = (key: keyof SpendFilters, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const report = useLoader(() => api.get<SpendReport>(`/api/v1/spend${query({ ...filters })}`), [params.toString()]);
  const [downloadError, setDownloadError] = useState<unknown>();

  const download = async (format: "csv" | "focus") => {
    setDownloadError(undefined);
    try {
      const blob = await api.download(`/api/v1/spend${query({ ...filters, format })}`, "text/csv", () => undefined);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${format === "focus" ? "focus" : "spend"}-${filters.from}-${filters.to}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      setDownloadError(e);
    }
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Spend</Title>
        <p>
          Calls, tokens and cost from the usage gateways report, by the day of each call's decision (UTC). A call
          without a reported cost is costed from its model's price valid then; a call without either is counted as
          unpriced.
        </p>
      </PageSection>
      <PageSection>
        <Form isHorizontal={false} onSubmit={(e) => e.preventDefault()}>
          <Flex>
            <FlexItem>
              <Field label="From" fieldId="spend-from" hint="First day included (UTC)">
                <TextInput
                  id="spend-from"
                  type="date"
                  value={filters.from}
                  onChange={(_e, v) => v && setFilter("from", v)}
                />
              </Field>
            </FlexItem>
            <FlexItem>
              <Field label="To" fieldId="spend-to" hint="Last day included (UTC)">
                <TextInput id="spend-to" type="date" value={filters.to} onChange={(_e, v) => v && setFilter("to", v)} />
              </Field>
            </FlexItem>
            <FlexItem>
              <Field label="Group by" fieldId="spend-group">
                <FormSelect
                  id="spend-group"
                  value={filters.groupBy}
                  onChange={(_e, v) => setFilter("groupBy", v)}
                  data-testid="spend-group"
                >
                  {GROUPS.map((g) => (
                    <FormSelectOption key={g} value={g} label={GROUP_LABELS[g]} />
                  ))}
                </FormSelect>
              </Field>
            </FlexItem>
            <FlexItem>
              <Field label="Period" fieldId="spend-interval">
                <FormSelect
                  id="spend-interval"
                  value={filters.interval}
                  onChange={(_e, v) => setFilter("interval", v)}
                  data-testid="spend-interval"
                >
                  {INTERVALS.map((i) => (
                    <FormSelectOption key={i} value={i} label={INTERVAL_LABELS[i]} />
                  ))}
                </FormSelect>
              </Field>
            </FlexItem>
          </Flex>
          <ActionGroup>
            <Button variant="secondary" onClick={() => download("csv")} data-testid="download-spend">
              Download CSV
            </Button>
            <Button variant="secondary" onClick={() => download("focus")} data-testid="download-focus">
              Download FOCUS CSV
            </Button>
          </ActionGroup>
        </Form>
        <ErrorAlert error={downloadError} title="The download failed" />
      </PageSection>
      <PageSection>
        <ErrorAlert error={report.error} title="Spend could not be loaded" />
        {!report.data && !report.error && <Loading />}
        {report.data && <SpendTable report={report.data} />}
      </PageSection>
      <DependencySection from={filters.from} to={filters.to} />
      <BudgetsSection />
      <PricesSection />
    </>
  );
}

function keyLink(report: SpendReport, key: string | null | undefined) {
  if (!key || key === "unknown") return key ?? "";
  if (report.groupBy === "model") return <Link to={toModel(key)}>{key}</Link>;
  if (report.groupBy === "team") return <Link to={`/decisions${query({ team: key })}`}>{key}</Link>;
  return key;
}

function SpendTable({ report }: { report: SpendReport }) {
  if (report.items.length === 0) {
    return (
      <Alert variant="info" isInline title="No usage in this window" data-testid="spend-empty">
        Gateways report usage after each call with POST /api/v1/usage.
      </Alert>
    );
  }
  const byPeriod = report.interval !== "total";
  const row = (item: SpendItem) => [
    item.calls.toLocaleString("en"),
    item.inputTokens.toLocaleString("en"),
    item.outputTokens.toLocaleString("en"),
    formatCost(item.costMicros, item.currency),
  ];
  return (
    <Table aria-label="Spend" variant="compact" data-testid="spend-table">
      <Thead>
        <Tr>
          <Th>{GROUP_LABELS[report.groupBy]}</Th>
          {byPeriod && <Th>Period</Th>}
          <Th>Calls</Th>
          <Th>Input tokens</Th>
          <Th>Output tokens</Th>
          <Th>Cost</Th>
          <Th>Share of cost</Th>
          <Th>Unpriced calls</Th>
        </Tr>
      </Thead>
      <Tbody>
        {report.items.map((item) => (
          <Tr
            key={`${item.key}-${item.period}-${item.currency}`}
            data-testid={`spend-row-${item.key}-${item.currency}`}
          >
            <Td dataLabel={GROUP_LABELS[report.groupBy]}>{keyLink(report, item.key)}</Td>
            {byPeriod && <Td dataLabel="Period">{item.period}</Td>}
            {row(item).map((value, i) => (
              <Td key={i}>{value}</Td>
            ))}
            <Td dataLabel="Share of cost">
              <Progress
                value={costShare(item, report.totals)}
                size={ProgressSize.sm}
                measureLocation={ProgressMeasureLocation.outside}
                aria-label={`${item.key} share of ${item.currency} cost`}
              />
            </Td>
            <Td dataLabel="Unpriced calls">{item.unpricedCalls > 0 ? item.unpricedCalls.toLocaleString("en") : ""}</Td>
          </Tr>
        ))}
        {report.totals.map((total) => (
          <Tr key={total.currency} data-testid={`spend-total-${total.currency}`}>
            <Th scope="row">Total ({total.currency})</Th>
            {byPeriod && <Td />}
            {row(total).map((value, i) => (
              <Td key={i}>{value}</Td>
            ))}
            <Td />
            <Td>{total.unpricedCalls > 0 ? total.unpricedCalls.toLocaleString("en") : ""}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** The price list: officers and admins add prices by hand or import LiteLLM's price map. */
function PricesSection() {
  const { api, user } = useApp();
  const writable = can(user.roles, "prices:write");
  const prices = useLoader(() => api.get<{ items: Price[] }>("/api/v1/prices").then((p) => p.items), []);
  const models = useLoader(() => loadAll<Model>(api, "/api/v1/models"), []);
  const [imported, setImported] = useState<string>();
  const { error, attempt } = useAttempt();
  const [busy, setBusy] = useState(false);

  const importMap = async (file: File | undefined) => {
    if (!file) return;
    setImported(undefined);
    setBusy(true);
    await attempt(async () => {
      let map: unknown;
      try {
        map = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not JSON: choose LiteLLM's model_prices_and_context_window.json`);
      }
      setImported(importSummary(await api.post<PriceImport>("/api/v1/prices/import", map)));
      prices.reload();
    });
    setBusy(false);
  };

  const remove = (price: Price) => attempt(() => api.delete(`/api/v1/prices/${price.id}`).then(prices.reload));

  return (
    <PageSection>
      <Title headingLevel="h2">Prices</Title>
      <p>Per million input and output tokens. A new price ends the model's open-ended one on the day it starts.</p>
      {writable && (
        <>
          <AddPrice models={models.data ?? []} onAdded={prices.reload} />
          <Form onSubmit={(e) => e.preventDefault()}>
            <Field
              label="Import LiteLLM's price map"
              fieldId="price-import"
              hint="model_prices_and_context_window.json; prices in USD from now"
            >
              <input
                id="price-import"
                type="file"
                accept="application/json,.json"
                disabled={busy}
                onChange={(e) => importMap(e.target.files?.[0])}
                data-testid="price-import"
              />
            </Field>
          </Form>
        </>
      )}
      {imported && (
        <Alert variant="success" isInline title="Price map imported" data-testid="import-result">
          {imported}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <ErrorAlert error={prices.error} title="Prices could not be loaded" />
      {prices.data && prices.data.length === 0 && (
        <p data-testid="no-prices">No prices yet: usage without a reported cost counts as unpriced.</p>
      )}
      {prices.data && prices.data.length > 0 && (
        <Table aria-label="Prices" variant="compact" data-testid="price-table">
          <Thead>
            <Tr>
              <Th>Model</Th>
              <Th>Input</Th>
              <Th>Output</Th>
              <Th>Valid from</Th>
              <Th>Valid to</Th>
              <Th>Source</Th>
              {writable && <Th screenReaderText="Actions" />}
            </Tr>
          </Thead>
          <Tbody>
            {prices.data.map((p) => (
              <Tr key={p.id} data-testid={`price-${p.model}`}>
                <Td dataLabel="Model">
                  <Link to={toModel(p.model)}>{p.model}</Link>
                  {p.deployment ? ` (${p.deployment})` : ""}
                </Td>
                <Td dataLabel="Input">{formatPerMillion(p.inputPerMillion, p.currency)}</Td>
                <Td dataLabel="Output">{formatPerMillion(p.outputPerMillion, p.currency)}</Td>
                <Td dataLabel="Valid from">{formatInstant(p.validFrom)}</Td>
                <Td dataLabel="Valid to">{p.validTo ? formatInstant(p.validTo) : "until further notice"}</Td>
                <Td dataLabel="Source">{p.source === "litellm" ? "LiteLLM map" : "by hand"}</Td>
                {writable && (
                  <DeleteCell label={`Delete the price of ${p.model} from ${p.validFrom}`} onDelete={() => remove(p)} />
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PageSection>
  );
}

function AddPrice({ models, onAdded }: { models: Model[]; onAdded: () => void }) {
  const { api } = useApp();
  const [model, setModel] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [input, setInput] = useState("");
  const [output, setOutput] = useState("");
  const [validFrom, setValidFrom] = useState("");
  const { error, attempt } = useAttempt();
  const errors = fieldErrors(error);

  const add = () =>
    attempt(async () => {
      await api.post("/api/v1/prices", {
        model,
        currency,
        inputPerMillion: input === "" ? undefined : Number(input),
        outputPerMillion: output === "" ? undefined : Number(output),
        ...(validFrom ? { validFrom: `${validFrom}T00:00:00Z` } : {}),
      });
      setInput("");
      setOutput("");
      onAdded();
    });

  return (
    <InlineForm testId="add-price" submitLabel="Add price" onSubmit={add} error={error} fieldErrors={errors}>
      <Field label="Model" fieldId="price-model" error={errors.model} isRequired>
        <FormSelect id="price-model" value={model} onChange={(_e, v) => setModel(v)}>
          <FormSelectOption value="" label="Choose a model" isPlaceholder />
          {models.map((m) => (
            <FormSelectOption key={m.id} value={m.id} label={m.id} />
          ))}
        </FormSelect>
      </Field>
      <Field label="Currency" fieldId="price-currency" error={errors.currency} isRequired>
        <TextInput id="price-currency" value={currency} onChange={(_e, v) => setCurrency(v.toUpperCase())} />
      </Field>
      <Field label="Input per 1M tokens" fieldId="price-input" error={errors.inputPerMillion} isRequired>
        <TextInput id="price-input" type="number" value={input} onChange={(_e, v) => setInput(v)} />
      </Field>
      <Field label="Output per 1M tokens" fieldId="price-output" error={errors.outputPerMillion} isRequired>
        <TextInput id="price-output" type="number" value={output} onChange={(_e, v) => setOutput(v)} />
      </Field>
      <Field label="Valid from" fieldId="price-from" error={errors.validFrom} hint="Empty for now">
        <TextInput id="price-from" type="date" value={validFrom} onChange={(_e, v) => setValidFrom(v)} />
      </Field>
    </InlineForm>
  );
}
