import { TextField } from "../../shared/components/TextField";

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
      <TextField
        label="Cut-off date"
        fieldId={`${idPrefix}-cut-off`}
        error={errors.cutOffAt}
        hint="An announced retirement or export rule: from the start of this day (UTC) decisions deny with cut_off; until then answers name the date and where to move"
        type="date"
        value={props.date}
        onChange={props.onDate}
      />
      <TextField
        label="Cut-off reason"
        fieldId={`${idPrefix}-cut-off-reason`}
        error={errors.cutOffReason}
        value={props.reason}
        isDisabled={!props.date}
        onChange={props.onReason}
      />
    </>
  );
}
