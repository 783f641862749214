import {
  Button,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
} from "@patternfly/react-core";
import ArrowDownIcon from "@patternfly/react-icons/dist/esm/icons/arrow-down-icon";
import ArrowUpIcon from "@patternfly/react-icons/dist/esm/icons/arrow-up-icon";
import TrashIcon from "@patternfly/react-icons/dist/esm/icons/trash-icon";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { EMPTY_ROW, moveRow, type CandidateErrors, type CandidateRow } from "./aliases";
import { describeDeployment } from "../approvals/approvalDeployments";
import type { Model } from "../../shared/types";
import { useDeploymentsOf } from "../../shared/useDeploymentsOf";

function Helper({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant="error" id={id}>
          {message}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/**
 * An alias's candidates in order of preference: a model each, optionally one deployment of it,
 * moved up and down; the server's errors shown on the row and input they name.
 */
export function CandidatesEditor(props: {
  rows: CandidateRow[];
  models: Model[];
  errors: CandidateErrors;
  onChange: (rows: CandidateRow[]) => void;
}) {
  const { rows, models, errors, onChange } = props;
  const deployments = useDeploymentsOf(rows.map((r) => r.model));
  const set = (index: number, change: Partial<CandidateRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const listError = errors.fields.candidates;

  return (
    <FormGroup label="Candidates, in order of preference" fieldId="candidates" isRequired role="group">
      <p>
        A question for the alias is decided on the first candidate the team may use; the later ones are the fallbacks.
      </p>
      <Table aria-label="Candidates" variant="compact" data-testid="candidates">
        <Thead>
          <Tr>
            <Th>Order</Th>
            <Th>Model</Th>
            <Th>Deployment</Th>
            <Th screenReaderText="Reorder and remove" />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, index) => {
            const rowErrors = errors.rows[index] ?? {};
            const known = deployments[row.model];
            const modelKnown = models.some((m) => m.id === row.model);
            const deploymentKnown = !row.deployment || (known ?? []).some((d) => d.id === row.deployment);
            return (
              <Tr key={index} data-testid={`candidate-${index}`}>
                <Td dataLabel="Order">
                  {index + 1}
                  <Helper id={`candidate-${index}-helper`} message={rowErrors.candidate} />
                </Td>
                <Td dataLabel="Model">
                  <FormSelect
                    id={`candidate-${index}-model`}
                    aria-label={`Model of candidate ${index + 1}`}
                    value={row.model}
                    onChange={(_e, model) => set(index, { model, deployment: "" })}
                    validated={rowErrors.model || rowErrors.candidate ? "error" : "default"}
                  >
                    <FormSelectOption value="" label="Choose a model" isPlaceholder />
                    {!modelKnown && row.model && <FormSelectOption value={row.model} label={row.model} />}
                    {models.map((m) => (
                      <FormSelectOption
                        key={m.id}
                        value={m.id}
                        label={`${m.id} (${m.vendor}${m.status === "approved" ? "" : `, ${m.status}`})`}
                      />
                    ))}
                  </FormSelect>
                  <Helper id={`candidate-${index}-model-helper`} message={rowErrors.model} />
                </Td>
                <Td dataLabel="Deployment">
                  <FormSelect
                    id={`candidate-${index}-deployment`}
                    aria-label={`Deployment of candidate ${index + 1}`}
                    value={row.deployment}
                    isDisabled={!row.model}
                    onChange={(_e, deployment) => set(index, { deployment })}
                    validated={rowErrors.deployment ? "error" : "default"}
                  >
                    <FormSelectOption
                      value=""
                      label={row.model && known === undefined ? "Loading deployments…" : "Any: the policy routes"}
                    />
                    {!deploymentKnown && <FormSelectOption value={row.deployment} label={row.deployment} />}
                    {(known ?? []).map((d) => (
                      <FormSelectOption key={d.id} value={d.id} label={`${d.id} (${describeDeployment(d)})`} />
                    ))}
                  </FormSelect>
                  <Helper id={`candidate-${index}-deployment-helper`} message={rowErrors.deployment} />
                </Td>
                <Td isActionCell>
                  <div style={{ display: "flex", flexWrap: "nowrap" }}>
                    <Button
                      variant="plain"
                      icon={<ArrowUpIcon />}
                      isDisabled={index === 0}
                      onClick={() => onChange(moveRow(rows, index, -1))}
                      aria-label={`Move candidate ${index + 1} up`}
                      data-testid={`candidate-${index}-up`}
                    />
                    <Button
                      variant="plain"
                      icon={<ArrowDownIcon />}
                      isDisabled={index === rows.length - 1}
                      onClick={() => onChange(moveRow(rows, index, 1))}
                      aria-label={`Move candidate ${index + 1} down`}
                      data-testid={`candidate-${index}-down`}
                    />
                    <Button
                      variant="plain"
                      icon={<TrashIcon />}
                      isDisabled={rows.length === 1}
                      onClick={() => onChange(rows.filter((_r, i) => i !== index))}
                      aria-label={`Remove candidate ${index + 1}`}
                      data-testid={`candidate-${index}-remove`}
                    />
                  </div>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <Button
        variant="link"
        onClick={() => onChange([...rows, EMPTY_ROW])}
        isDisabled={rows.length >= 20}
        data-testid="add-candidate"
      >
        Add a candidate
      </Button>
      <Helper id="candidates-helper" message={listError} />
    </FormGroup>
  );
}
