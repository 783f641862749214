import {
  Button,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  PageSection,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { query } from "../../shared/api";
import { useApp } from "../../shared/context";
import { CLASSIFICATIONS } from "../../shared/format";
import { can } from "../../shared/permissions";
import { breachLine, dimensionLabel, type Ceiling, type Dependency, type Share } from "./spend";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { useAttempt } from "../../shared/useAttempt";
import { InlineForm } from "./InlineForm";

/** How much of the window's calls rest on one vendor or jurisdiction, and the ceilings the tenant sets. */
export function DependencySection({ from, to }: { from: string; to: string }) {
  const { api, user } = useApp();
  const writable = can(user.roles, "prices:write");
  const [classification, setClassification] = useState("");
  const report = useLoader(
    () => api.get<Dependency>(`/api/v1/spend/dependency${query({ from, to, classification })}`),
    [from, to, classification],
  );
  const { error, attempt } = useAttempt();

  const save = (ceilings: Ceiling[]) =>
    attempt(async () => {
      await api.put("/api/v1/spend/ceilings", {
        items: ceilings.map((c) => ({
          dimension: c.dimension,
          ...(c.classification ? { classification: c.classification } : {}),
          maxSharePercent: c.maxSharePercent,
        })),
      });
      report.reload();
    });

  const data = report.data;
  return (
    <PageSection id="dependency">
      <Title headingLevel="h2">Dependency</Title>
      <p>Shares of the window's calls (and of cost, when it is in one currency) per vendor and vendor jurisdiction.</p>
      <Field label="Data classification" fieldId="dependency-classification">
        <FormSelect id="dependency-classification" value={classification} onChange={(_e, v) => setClassification(v)}>
          <FormSelectOption value="" label="All" />
          {CLASSIFICATIONS.map((c) => (
            <FormSelectOption key={c} value={c} label={c} />
          ))}
        </FormSelect>
      </Field>
      <ErrorAlert error={report.error} title="Dependency could not be loaded" />
      <ErrorAlert error={error} />
      {data && data.breaches.length > 0 && (
        <ul data-testid="dependency-breaches">
          {data.breaches.map((b) => (
            <li key={`${b.dimension}-${b.classification}-${b.key}`}>{breachLine(b)}</li>
          ))}
        </ul>
      )}
      {data && (
        <Flex>
          <FlexItem>
            <SharesTable
              title="Vendor jurisdiction"
              shares={data.overall.byJurisdiction}
              testId="shares-jurisdiction"
            />
          </FlexItem>
          <FlexItem>
            <SharesTable title="Vendor" shares={data.overall.byVendor} testId="shares-vendor" />
          </FlexItem>
          <FlexItem>
            <SharesTable
              title="Operator jurisdiction"
              shares={data.overall.byOperatorJurisdiction ?? []}
              testId="shares-operator-jurisdiction"
            />
          </FlexItem>
        </Flex>
      )}
      {data && <Ceilings ceilings={data.ceilings} writable={writable} onSave={save} />}
    </PageSection>
  );
}

function SharesTable({ title, shares, testId }: { title: string; shares: Share[]; testId: string }) {
  return (
    <Table aria-label={`Shares per ${title.toLowerCase()}`} variant="compact" data-testid={testId}>
      <Thead>
        <Tr>
          <Th>{title}</Th>
          <Th>Calls</Th>
          <Th>Share of calls</Th>
          <Th>Share of cost</Th>
        </Tr>
      </Thead>
      <Tbody>
        {shares.slice(0, 10).map((s) => (
          <Tr key={s.key}>
            <Td dataLabel={title}>{s.key}</Td>
            <Td dataLabel="Calls">{s.calls.toLocaleString("en")}</Td>
            <Td dataLabel="Share of calls">{s.callShare}%</Td>
            <Td dataLabel="Share of cost">{s.costShare == null ? "several currencies" : `${s.costShare}%`}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}

function Ceilings({
  ceilings,
  writable,
  onSave,
}: {
  ceilings: Ceiling[];
  writable: boolean;
  onSave: (c: Ceiling[]) => void;
}) {
  const [dimension, setDimension] = useState<Ceiling["dimension"]>("jurisdiction");
  const [classification, setClassification] = useState("");
  const [max, setMax] = useState("60");
  const same = (c: Ceiling) => c.dimension === dimension && (c.classification ?? "") === classification;
  return (
    <>
      <Title headingLevel="h3">Ceilings</Title>
      {ceilings.length === 0 && <p>No ceilings: nothing warns about dependency.</p>}
      <ul data-testid="ceilings">
        {ceilings.map((c) => (
          <li key={`${c.dimension}-${c.classification}`}>
            at most {c.maxSharePercent}% of {c.classification ?? "all"} calls on one {dimensionLabel(c.dimension)}{" "}
            {writable && (
              <Button
                variant="link"
                isInline
                isDanger
                onClick={() => onSave(ceilings.filter((o) => o !== c))}
                aria-label={`Remove the ceiling on ${dimensionLabel(c.dimension)} for ${c.classification ?? "all"} calls`}
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {writable && (
        <InlineForm
          testId="set-ceiling"
          submitLabel="Set ceiling"
          onSubmit={() =>
            onSave([
              ...ceilings.filter((c) => !same(c)),
              { dimension, classification: classification || null, maxSharePercent: Number(max) },
            ])
          }
        >
          <Field label="On one" fieldId="ceiling-dimension">
            <FormSelect
              id="ceiling-dimension"
              value={dimension}
              onChange={(_e, v) => setDimension(v as Ceiling["dimension"])}
            >
              <FormSelectOption value="jurisdiction" label="jurisdiction" />
              <FormSelectOption value="vendor" label="vendor" />
              <FormSelectOption value="operatorJurisdiction" label="operator jurisdiction" />
            </FormSelect>
          </Field>
          <Field label="Of calls with" fieldId="ceiling-classification">
            <FormSelect id="ceiling-classification" value={classification} onChange={(_e, v) => setClassification(v)}>
              <FormSelectOption value="" label="any data" />
              {CLASSIFICATIONS.map((c) => (
                <FormSelectOption key={c} value={c} label={`${c} data`} />
              ))}
            </FormSelect>
          </Field>
          <Field label="At most (%)" fieldId="ceiling-max">
            <TextInput id="ceiling-max" type="number" value={max} onChange={(_e, v) => setMax(v)} />
          </Field>
        </InlineForm>
      )}
    </>
  );
}
