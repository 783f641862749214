import { FormSelect, FormSelectOption, Label, PageSection, TextInput, Title } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { fieldErrors, loadAll } from "../../shared/api";
import { useApp } from "../../shared/context";
import { can } from "../../shared/permissions";
import { budgetFor, budgetStanding, formatCost, type Budget } from "./spend";
import type { Team, Vendor } from "../../shared/types";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { useAttempt } from "../../shared/useAttempt";
import { DeleteCell } from "./DeleteCell";
import { InlineForm } from "./InlineForm";

const STATE_COLOURS = { ok: "green", warning: "orange", exceeded: "red" } as const;

/** Monthly budgets, enforced in the decision: where each stands this month, and a form to set one. */
export function BudgetsSection() {
  const { api, user } = useApp();
  const writable = can(user.roles, "prices:write");
  const budgets = useLoader(() => api.get<{ items: Budget[] }>("/api/v1/budgets").then((b) => b.items), []);
  const { error, attempt } = useAttempt();
  const remove = (budget: Budget) => attempt(() => api.delete(`/api/v1/budgets/${budget.id}`).then(budgets.reload));

  return (
    <PageSection>
      <Title headingLevel="h2">Budgets</Title>
      <p>
        A monthly limit per team, or per team and vendor. From 80% an allowed answer carries a budget_warning naming
        what is left; over the limit decisions deny with budget_exceeded (or allow only low-cost models) until the month
        ends.
      </p>
      {writable && <SetBudget budgets={budgets.data ?? []} onSet={budgets.reload} />}
      <ErrorAlert error={error} />
      <ErrorAlert error={budgets.error} title="Budgets could not be loaded" />
      {budgets.data && budgets.data.length === 0 && (
        <p data-testid="no-budgets">No budgets: no team's spend is limited.</p>
      )}
      {budgets.data && budgets.data.length > 0 && (
        <Table aria-label="Budgets" variant="compact" data-testid="budget-table">
          <Thead>
            <Tr>
              <Th>Team</Th>
              <Th>Vendor</Th>
              <Th>Monthly limit</Th>
              <Th>Spent this month</Th>
              <Th>Used</Th>
              <Th>Now</Th>
              {writable && <Th screenReaderText="Actions" />}
            </Tr>
          </Thead>
          <Tbody>
            {budgets.data.map((b) => (
              <Tr key={b.id} data-testid={`budget-${b.team}${b.vendor ? `-${b.vendor}` : ""}`}>
                <Td dataLabel="Team">{b.team}</Td>
                <Td dataLabel="Vendor">{b.vendor ?? "every vendor"}</Td>
                <Td dataLabel="Monthly limit">{formatCost(b.monthlyLimit * 1_000_000, b.currency)}</Td>
                <Td dataLabel="Spent this month">{formatCost(b.spent * 1_000_000, b.currency)}</Td>
                <Td dataLabel="Used">{b.percent}%</Td>
                <Td dataLabel="Now">
                  <Label color={STATE_COLOURS[b.state]}>{budgetStanding(b)}</Label>
                </Td>
                {writable && (
                  <DeleteCell
                    label={`Delete the budget of ${b.team}${b.vendor ? ` with ${b.vendor}` : ""}`}
                    onDelete={() => remove(b)}
                  />
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PageSection>
  );
}

/** Sets a team's (or a team and vendor's) budget: creates it, or changes the one it has. */
function SetBudget({ budgets, onSet }: { budgets: Budget[]; onSet: () => void }) {
  const { api } = useApp();
  const options = useLoader(async () => {
    const [teams, vendors] = await Promise.all([
      loadAll<Team>(api, "/api/v1/teams"),
      loadAll<Vendor>(api, "/api/v1/vendors"),
    ]);
    return { teams, vendors };
  }, []);
  const [team, setTeam] = useState("");
  const [vendor, setVendor] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [limit, setLimit] = useState("");
  const [onExceeded, setOnExceeded] = useState("deny");
  const { error, attempt } = useAttempt();
  const errors = fieldErrors(error);
  const existing = budgetFor(budgets, team, vendor);

  const submit = () =>
    attempt(async () => {
      const body = {
        team,
        ...(vendor ? { vendor } : {}),
        currency,
        monthlyLimit: limit === "" ? undefined : Number(limit),
        onExceeded,
      };
      if (existing) await api.put(`/api/v1/budgets/${existing.id}`, body);
      else await api.post("/api/v1/budgets", body);
      setLimit("");
      onSet();
    });

  return (
    <InlineForm
      testId="set-budget"
      submitLabel={existing ? "Change budget" : "Set budget"}
      onSubmit={submit}
      error={error}
      fieldErrors={errors}
    >
      <Field label="Team" fieldId="budget-team" error={errors.team} isRequired>
        <FormSelect id="budget-team" value={team} onChange={(_e, v) => setTeam(v)}>
          <FormSelectOption value="" label="Choose a team" isPlaceholder />
          {(options.data?.teams ?? []).map((t) => (
            <FormSelectOption key={t.id} value={t.id} label={t.id} />
          ))}
        </FormSelect>
      </Field>
      <Field label="Vendor" fieldId="budget-vendor" error={errors.vendor}>
        <FormSelect id="budget-vendor" value={vendor} onChange={(_e, v) => setVendor(v)}>
          <FormSelectOption value="" label="Every vendor" />
          {(options.data?.vendors ?? []).map((v) => (
            <FormSelectOption key={v.id} value={v.id} label={v.id} />
          ))}
        </FormSelect>
      </Field>
      <Field label="Currency" fieldId="budget-currency" error={errors.currency} isRequired>
        <TextInput id="budget-currency" value={currency} onChange={(_e, v) => setCurrency(v.toUpperCase())} />
      </Field>
      <Field label="Monthly limit" fieldId="budget-limit" error={errors.monthlyLimit} isRequired>
        <TextInput id="budget-limit" type="number" value={limit} onChange={(_e, v) => setLimit(v)} />
      </Field>
      <Field label="Over the limit" fieldId="budget-on-exceeded" error={errors.onExceeded}>
        <FormSelect id="budget-on-exceeded" value={onExceeded} onChange={(_e, v) => setOnExceeded(v)}>
          <FormSelectOption value="deny" label="Deny" />
          <FormSelectOption value="low-tier-only" label="Allow only low-cost models" />
        </FormSelect>
      </Field>
    </InlineForm>
  );
}
