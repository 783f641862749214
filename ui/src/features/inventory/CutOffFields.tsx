import { TextInput } from "@patternfly/react-core";
import { Field } from "../../shared/components/common";

/** The date and reason of an announced cut-off, as vendor and model forms edit them. */
export function CutOffFields(props: {
  idPrefix: string;
  date: string;
  reason: string;
  errors: Record<string, string>;
  onDate: (date: string) => void;
  onReason: (reason: string) => void;
}) {
  const { idPrefix, errors } = props;
  return (
    <>
      <Field
        label="Cut-off date"
        fieldId={`${idPrefix}-cut-off`}
        error={errors.cutOffAt}
        hint="An announced retirement or export rule: from the start of this day (UTC) decisions deny with cut_off; until then answers name the date and where to move"
      >
        <TextInput
          id={`${idPrefix}-cut-off`}
          type="date"
          value={props.date}
          onChange={(_e, v) => props.onDate(v)}
          validated={errors.cutOffAt ? "error" : "default"}
        />
      </Field>
      <Field label="Cut-off reason" fieldId={`${idPrefix}-cut-off-reason`} error={errors.cutOffReason}>
        <TextInput
          id={`${idPrefix}-cut-off-reason`}
          value={props.reason}
          isDisabled={!props.date}
          onChange={(_e, v) => props.onReason(v)}
          validated={errors.cutOffReason ? "error" : "default"}
        />
      </Field>
    </>
  );
}
