import { Alert, Form, List, ListComponent, ListItem, OrderType, TextArea } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { candidateErrors, candidateLabel, type AliasCandidate, type CandidateRow } from "./aliases";
import { errorMessage } from "../../shared/api";
import type { Model } from "../../shared/types";
import { CandidatesEditor } from "./CandidatesEditor";
import { Field } from "../../shared/components/common";
import { TextField } from "../../shared/components/TextField";

export interface AliasFormValue {
  /** Only for a new alias: an alias's name never changes. */
  id?: string;
  description: string;
  rows: CandidateRow[];
}

/**
 * An alias's name (when new), description and ordered candidates. The server's problem is shown
 * above the fields in its own words, and each field error beside the input it names.
 */
export function AliasForm(props: {
  formId: string;
  value: AliasFormValue;
  models: Model[];
  error: unknown;
  errorTitle: string;
  onChange: (value: AliasFormValue) => void;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const { value, error, onChange } = props;
  const errors = candidateErrors(error);
  return (
    <Form
      id={props.formId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      data-testid={props.formId}
    >
      {error !== undefined && (
        <Alert variant="danger" isInline title={props.errorTitle} data-testid="error-alert">
          {errorMessage(error)}
        </Alert>
      )}
      {value.id !== undefined && (
        <TextField
          label="Name"
          fieldId="alias-id"
          error={errors.fields.id}
          hint="What gateways ask for, such as chat-default: lower-case, not a model's id"
          isRequired
          value={value.id}
          onChange={(id) => onChange({ ...value, id })}
        />
      )}
      <Field
        label="Description"
        fieldId="alias-description"
        error={errors.fields.description}
        hint="What callers use it for"
      >
        <TextArea
          id="alias-description"
          value={value.description}
          onChange={(_e, description) => onChange({ ...value, description })}
          validated={errors.fields.description ? "error" : "default"}
          rows={2}
          resizeOrientation="vertical"
        />
      </Field>
      <CandidatesEditor
        rows={value.rows}
        models={props.models}
        errors={errors}
        onChange={(rows) => onChange({ ...value, rows })}
      />
      {props.children}
    </Form>
  );
}

/** Candidates in order of preference, numbered. */
export function CandidateList({ candidates, testId }: { candidates: AliasCandidate[]; testId?: string }) {
  return (
    <List component={ListComponent.ol} type={OrderType.number} data-testid={testId}>
      {candidates.map((c, i) => (
        <ListItem key={`${i}-${c.model}-${c.deployment ?? ""}`}>{candidateLabel(c)}</ListItem>
      ))}
    </List>
  );
}
