import {
  Button,
  Card,
  CardBody,
  CardTitle,
  Checkbox,
  Form,
  FormSelect,
  FormSelectOption,
  Label,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { fieldErrors } from "../../shared/api";
import { ErrorAlert, Field, StatusLabel } from "../../shared/components/common";
import { Dialog } from "../../shared/components/Dialog";
import { TextField } from "../../shared/components/TextField";
import { SuspensionPreview } from "./SuspensionPreview";
import { useApp } from "../../shared/context";
import { dataTerms, deploymentBody } from "./deployments";
import { splitList } from "../../shared/format";
import type { Deployment, Model } from "../../shared/types";

const SELF_HOSTED = "self-hosted";

/** Where a model runs, under the model; officers add, edit and suspend deployments. */
export function ModelDeployments({
  model,
  canWrite,
  onChanged,
}: {
  model: Model;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<Deployment | "new" | null>(null);
  const [suspending, setSuspending] = useState<Deployment | null>(null);
  const deployments = model.deployments ?? [];
  const done = (changed: boolean) => {
    setEditing(null);
    setSuspending(null);
    if (changed) onChanged();
  };
  return (
    <Card>
      <CardTitle component="h2">Where it runs</CardTitle>
      <CardBody>
        {deployments.length === 0 ? (
          <p>No deployment is recorded: say where this model runs (its vendor's API, a cloud, or your own cluster).</p>
        ) : (
          <Table aria-label="Deployments of this model" variant="compact" data-testid="deployments">
            <Thead>
              <Tr>
                <Th>Deployment</Th>
                <Th>Operator</Th>
                <Th modifier="wrap">Operator jurisdiction</Th>
                <Th>Regions</Th>
                <Th>Data terms</Th>
                <Th>Status</Th>
                {canWrite && <Th screenReaderText="Actions" />}
              </Tr>
            </Thead>
            <Tbody>
              {deployments.map((d) => (
                <Tr key={d.id} data-testid={`deployment-${d.id}`}>
                  <Td dataLabel="Deployment">
                    {d.id}
                    {d.endpoint && (
                      <div>
                        <small>{d.endpoint}</small>
                      </div>
                    )}
                  </Td>
                  <Td dataLabel="Operator">{d.selfHosted ? <Label color="blue">self-hosted</Label> : d.operator}</Td>
                  <Td dataLabel="Operator jurisdiction">{d.operatorJurisdiction}</Td>
                  <Td dataLabel="Regions">{d.regions.join(", ")}</Td>
                  <Td dataLabel="Data terms">{dataTerms(d)}</Td>
                  <Td dataLabel="Status">
                    <StatusLabel status={d.status} />
                  </Td>
                  {canWrite && (
                    <Td dataLabel="Actions" style={{ whiteSpace: "nowrap" }}>
                      <Button variant="link" onClick={() => setEditing(d)} aria-label={`Edit ${d.id}`}>
                        Edit
                      </Button>
                      <Button
                        variant="link"
                        isDanger={d.status === "active"}
                        onClick={() => setSuspending(d)}
                        data-testid={`toggle-deployment-${d.id}`}
                      >
                        {d.status === "active" ? "Suspend" : "Reactivate"}
                      </Button>
                    </Td>
                  )}
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {canWrite && (
          <Button style={{ marginTop: "1rem" }} onClick={() => setEditing("new")} data-testid="add-deployment">
            Add deployment
          </Button>
        )}
      </CardBody>
      {editing && <DeploymentForm model={model} deployment={editing === "new" ? null : editing} onClose={done} />}
      {suspending && <SuspendDeploymentDialog deployment={suspending} onClose={done} />}
    </Card>
  );
}

function DeploymentForm({
  model,
  deployment,
  onClose,
}: {
  model: Model;
  deployment: Deployment | null;
  onClose: (changed: boolean) => void;
}) {
  const { api } = useApp();
  const [d, setD] = useState<Deployment>(
    deployment ?? {
      id: "",
      model: model.id,
      operator: SELF_HOSTED,
      selfHosted: true,
      operatorJurisdiction: "",
      regions: [],
      endpoint: null,
      retentionDays: null,
      trainsOnPrompts: null,
      zeroDataRetention: false,
      status: "active",
      availableFrom: null,
      cutOffAt: null,
    },
  );
  const [regions, setRegions] = useState((deployment?.regions ?? []).join(", "));
  const [retention, setRetention] = useState(deployment?.retentionDays?.toString() ?? "");
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const set = (change: Partial<Deployment>) => setD({ ...d, ...change });
  const save = () => {
    const sent = {
      ...deploymentBody(d),
      regions: splitList(regions),
      endpoint: d.endpoint || null,
      // A number the server checks; text that is not one goes as is, so the server names the field.
      retentionDays: retention.trim() === "" ? null : Number.isNaN(Number(retention)) ? retention : Number(retention),
    };
    (deployment
      ? api.put(`/api/v1/deployments/${encodeURIComponent(deployment.id)}`, sent)
      : api.post("/api/v1/deployments", sent)
    )
      .then(() => onClose(true))
      .catch(setError);
  };
  const training = d.trainsOnPrompts === null ? "" : String(d.trainsOnPrompts);
  return (
    <Dialog
      titleId="deployment-form-title"
      title={deployment ? `Edit ${deployment.id}` : `Add a deployment of ${model.displayName}`}
      variant="medium"
      onCancel={() => onClose(false)}
      actions={
        <Button type="submit" form="deployment-form" data-testid="save-deployment">
          Save
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Form
        id="deployment-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextField
          label="Id"
          fieldId="deployment-id"
          error={errors.id}
          hint="Lower-case, such as deepseek-v3-eu-cluster"
          isRequired
          value={d.id}
          isDisabled={!!deployment}
          onChange={(v) => set({ id: v })}
        />
        <TextField
          label="Operator"
          fieldId="deployment-operator"
          error={errors.operator}
          hint="self-hosted when you run it; else the vendor's or the cloud's id"
          isRequired
          value={d.operator}
          onChange={(v) => set({ operator: v })}
        />
        <TextField
          label="Operator jurisdiction"
          fieldId="deployment-jurisdiction"
          error={errors.operatorJurisdiction}
          hint="ISO 3166 country code of who runs it, such as FR"
          isRequired
          value={d.operatorJurisdiction}
          onChange={(v) => set({ operatorJurisdiction: v })}
        />
        <TextField
          label="Regions"
          fieldId="deployment-regions"
          error={errors.regions ?? errors["regions[0]"]}
          hint="Region codes separated by commas: eu, uk, us"
          isRequired
          value={regions}
          onChange={setRegions}
        />
        <TextField
          label="Endpoint"
          fieldId="deployment-endpoint"
          error={errors.endpoint}
          hint="Base URL gateways send calls to, such as https://llm.example.eu/v1"
          value={d.endpoint ?? ""}
          onChange={(v) => set({ endpoint: v })}
        />
        <Checkbox
          id="deployment-zdr"
          label="Zero data retention"
          isChecked={d.zeroDataRetention}
          onChange={(_e, v) => set({ zeroDataRetention: v })}
        />
        <TextField
          label="Retention (days)"
          fieldId="deployment-retention"
          error={errors.retentionDays}
          hint="Leave empty when the operator does not say"
          value={retention}
          onChange={setRetention}
        />
        <Field label="Prompts used for training" fieldId="deployment-training" error={errors.trainsOnPrompts}>
          <FormSelect
            id="deployment-training"
            value={training}
            onChange={(_e, v) => set({ trainsOnPrompts: v === "" ? null : v === "true" })}
          >
            <FormSelectOption value="" label="not stated" />
            <FormSelectOption value="false" label="no" />
            <FormSelectOption value="true" label="yes" />
          </FormSelect>
        </Field>
      </Form>
    </Dialog>
  );
}

/** Suspending a deployment takes it out of service at once (db trigger, every replica), so it asks first. */
function SuspendDeploymentDialog({
  deployment,
  onClose,
}: {
  deployment: Deployment;
  onClose: (changed: boolean) => void;
}) {
  const { api } = useApp();
  const suspend = deployment.status === "active";
  const [error, setError] = useState<unknown>();
  const confirm = () =>
    api
      .put(`/api/v1/deployments/${encodeURIComponent(deployment.id)}`, {
        ...deploymentBody(deployment),
        status: suspend ? "suspended" : "active",
      })
      .then(() => onClose(true))
      .catch(setError);
  return (
    <Dialog
      titleId="suspend-deployment-title"
      title={suspend ? `Suspend ${deployment.id}?` : `Reactivate ${deployment.id}?`}
      variant={suspend ? "medium" : "small"}
      onCancel={() => onClose(false)}
      actions={
        <Button variant={suspend ? "danger" : "primary"} onClick={confirm} data-testid="confirm-deployment-suspend">
          {suspend ? "Suspend" : "Reactivate"}
        </Button>
      }
    >
      <p data-testid="deployment-impact">
        {suspend
          ? `Calls should no longer go to ${deployment.endpoint ?? "this endpoint"} (operated by ${deployment.operator}, ${deployment.operatorJurisdiction}). The change is in the audit trail and reaches every gateway's policy data at once.`
          : "This deployment is recorded as serving calls again."}
      </p>
      {suspend && (
        <SuspensionPreview path={`/api/v1/deployments/${encodeURIComponent(deployment.id)}/suspension-impact`} />
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
