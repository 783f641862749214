import { Checkbox } from "@patternfly/react-core";
import { describeDeployment, MAX_DEPLOYMENTS, toggleDeployment, type DeploymentChoice } from "./approvalDeployments";
import { Field } from "../../shared/components/common";

/**
 * Some of a model's deployments, one checkbox each (id, then who runs it and where); none chosen
 * means what `hint` says. The server's error for the list shows under it.
 */
export function DeploymentChecklist(props: {
  fieldId: string;
  /** Each checkbox's id is this and the deployment's id. */
  optionId: string;
  label: string;
  hint: string;
  error?: string;
  /** Undefined while the model's deployments load. */
  choices: DeploymentChoice[] | undefined;
  empty: string;
  selected: string[];
  onChange: (selected: string[]) => void;
}) {
  const { fieldId, choices, selected, onChange } = props;
  const ids = (choices ?? []).map((c) => c.id);
  return (
    <Field label={props.label} fieldId={fieldId} error={props.error} hint={props.hint} role="group">
      {choices === undefined && <p>Loading deployments…</p>}
      {choices?.length === 0 && <p data-testid={`${fieldId}-empty`}>{props.empty}</p>}
      {(choices ?? []).map(({ id, deployment }) => {
        const checked = selected.includes(id);
        return (
          <Checkbox
            key={id}
            id={`${props.optionId}-${id}`}
            label={id}
            description={deployment ? describeDeployment(deployment) : undefined}
            isChecked={checked}
            isDisabled={!checked && selected.length >= MAX_DEPLOYMENTS}
            onChange={(_e, on) => onChange(toggleDeployment(ids, selected, id, on))}
          />
        );
      })}
    </Field>
  );
}
