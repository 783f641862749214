import { FormSelect, FormSelectOption } from "@patternfly/react-core";
import { CLASSIFICATIONS } from "../format";
import type { Team } from "../types";
import { Field } from "./common";

/** The team a question (an approval request, a decision) is asked for. */
export function TeamSelect(props: {
  fieldId: string;
  teams: Team[];
  value: string;
  onChange: (team: string) => void;
  error?: string;
}) {
  return (
    <Field label="Team" fieldId={props.fieldId} error={props.error} isRequired>
      <FormSelect
        id={props.fieldId}
        value={props.value}
        onChange={(_e, v) => props.onChange(v)}
        validated={props.error ? "error" : "default"}
      >
        <FormSelectOption value="" label="Choose a team" isDisabled />
        {props.teams.map((t) => (
          <FormSelectOption key={t.id} value={t.id} label={`${t.name} (${t.id})`} />
        ))}
      </FormSelect>
    </Field>
  );
}

/** The data classification a question is asked about. */
export function ClassificationSelect(props: {
  label: string;
  fieldId: string;
  value: string;
  onChange: (classification: string) => void;
  error?: string;
}) {
  return (
    <Field label={props.label} fieldId={props.fieldId} error={props.error} isRequired>
      <FormSelect id={props.fieldId} value={props.value} onChange={(_e, v) => props.onChange(v)}>
        {CLASSIFICATIONS.map((c) => (
          <FormSelectOption key={c} value={c} label={c} />
        ))}
      </FormSelect>
    </Field>
  );
}
