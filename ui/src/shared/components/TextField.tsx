import { TextInput } from "@patternfly/react-core";
import type { ReactNode } from "react";
import { Field } from "./common";

/** A labelled text input whose border and helper text show the server's message for the field. */
export function TextField(props: {
  label: string;
  fieldId: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  type?: "date" | "number";
  /** The id of a datalist of suggestions, given as `children`. */
  list?: string;
  children?: ReactNode;
}) {
  return (
    <Field
      label={props.label}
      fieldId={props.fieldId}
      error={props.error}
      hint={props.hint}
      isRequired={props.isRequired}
    >
      <TextInput
        id={props.fieldId}
        type={props.type}
        list={props.list}
        value={props.value}
        isDisabled={props.isDisabled}
        onChange={(_e, v) => props.onChange(v)}
        validated={props.error ? "error" : "default"}
      />
      {props.children}
    </Field>
  );
}
