import {
  ActionGroup,
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { fieldErrors } from "../../shared/api";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import {
  formOf,
  keptFor,
  policyBody,
  RETAINED_LOGS,
  runSummary,
  type RetentionForm,
  type RetentionPolicy,
} from "./retention";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";

const EMPTY: RetentionForm = { decisions: "", usage: "", changes: "" };

/** How long each log is kept, applied once a day, and the last runs; tenant admins change it. */
export function RetentionSection() {
  const { api, user } = useApp();
  const { data, error, reload } = useLoader(() => api.get<RetentionPolicy>("/api/v1/audit/retention"), []);
  const editable = can(user.roles, "retention:manage");
  const [form, setForm] = useState<RetentionForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // The form starts from each policy loaded (React's "adjusting state when a prop changes").
  const [formFrom, setFormFrom] = useState<RetentionPolicy>();
  if (data && data !== formFrom) {
    setFormFrom(data);
    setForm(formOf(data));
  }

  const save = async () => {
    const { body, errors: invalid } = policyBody(form);
    setErrors(invalid);
    setSaved(false);
    if (!body) return;
    setSaving(true);
    try {
      await api.put("/api/v1/audit/retention", body);
      setSaveError(undefined);
      setSaved(true);
      reload();
    } catch (e) {
      setSaveError(e);
      const named = fieldErrors(e);
      setErrors(Object.fromEntries(RETAINED_LOGS.map(({ log }) => [log, named[`${log}Days`]]).filter(([, m]) => m)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="retention-title" style={{ marginTop: "2rem" }} data-testid="retention">
      <Title headingLevel="h2" size="lg" id="retention-title">
        Retention
      </Title>
      <p>
        Entries older than these are removed once a day, the chains stay verifiable from a checkpoint. Empty keeps a log
        for ever.
      </p>
      <Loaded data={data} error={error} errorTitle="The retention policy could not be loaded">
        {(data) => (
          <DescriptionList isHorizontal isCompact data-testid="retention-status">
            {RETAINED_LOGS.map(({ log, label }) => (
              <DescriptionListGroup key={log}>
                <DescriptionListTerm>{label}</DescriptionListTerm>
                <DescriptionListDescription>kept {keptFor(data[`${log}Days`])}</DescriptionListDescription>
              </DescriptionListGroup>
            ))}
            <DescriptionListGroup>
              <DescriptionListTerm>Set</DescriptionListTerm>
              <DescriptionListDescription>
                {data.updatedAt ? `${formatInstant(data.updatedAt)} by ${data.updatedBy}` : "never: everything is kept"}
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>Last scheduled run</DescriptionListTerm>
              <DescriptionListDescription data-testid="retention-last-scheduled">
                {runSummary(data.lastScheduledRun)}
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>Last run</DescriptionListTerm>
              <DescriptionListDescription>{runSummary(data.lastRun)}</DescriptionListDescription>
            </DescriptionListGroup>
          </DescriptionList>
        )}
      </Loaded>
      {data && editable && (
        <Form
          style={{ marginTop: "1rem", maxWidth: "32rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {RETAINED_LOGS.map(({ log, label }) => (
            <Field
              key={log}
              label={`${label}: days kept`}
              fieldId={`retention-${log}`}
              error={errors[log]}
              hint={`At least ${data.minimumDays}; empty for ever.`}
            >
              <TextInput
                id={`retention-${log}`}
                inputMode="numeric"
                value={form[log]}
                validated={errors[log] ? "error" : "default"}
                onChange={(_e, v) => setForm({ ...form, [log]: v })}
              />
            </Field>
          ))}
          <ActionGroup>
            <Button type="submit" isLoading={saving} isDisabled={saving} data-testid="save-retention">
              Save retention
            </Button>
          </ActionGroup>
          <ErrorAlert error={saveError} title="The retention policy was not saved" />
          {saved && (
            <Alert
              variant="success"
              isInline
              title="Saved: the next daily run applies it"
              data-testid="retention-saved"
            />
          )}
        </Form>
      )}
    </section>
  );
}
