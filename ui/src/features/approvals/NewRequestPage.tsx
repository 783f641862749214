import {
  ActionGroup,
  Button,
  Form,
  FormSelect,
  FormSelectOption,
  PageSection,
  TextArea,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { fieldErrors, type Page } from "../../shared/api";
import { deploymentChoices, requestedDeployments } from "./approvalDeployments";
import { useDeploymentsOf } from "../../shared/useDeploymentsOf";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { ClassificationSelect, TeamSelect } from "../../shared/components/QuestionFields";
import { TextField } from "../../shared/components/TextField";
import { DeploymentChecklist } from "./DeploymentChecklist";
import { useApp } from "../../shared/context";
import { endOfDayUtc, splitList } from "../../shared/format";
import { toApprovalRequest } from "../../shared/paths";
import type { ApprovalRequest, ApprovalRequestInput, Model, Team } from "../../shared/types";

/** A requester asks for a model for their team; the server pre-checks it against the policy. */
export function NewRequestPage() {
  const { api, user } = useApp();
  const navigate = useNavigate();
  const teams = useLoader(() => api.get<Page<Team>>("/api/v1/teams?size=500"), []);
  const models = useLoader(() => api.get<Page<Model>>("/api/v1/models?size=500"), []);
  const [team, setTeam] = useState(user.team ?? "");
  const [model, setModel] = useState("");
  const [deployments, setDeployments] = useState<string[]>([]);
  const [purpose, setPurpose] = useState("");
  const [classification, setClassification] = useState("internal");
  const [regions, setRegions] = useState("eu");
  const [justification, setJustification] = useState("");
  const [until, setUntil] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const ofModel = useDeploymentsOf([model])[model];

  const chooseModel = (id: string) => {
    setModel(id);
    setDeployments([]); // another model's deployments mean nothing for this one
  };

  const submit = () => {
    setBusy(true);
    const body: ApprovalRequestInput = {
      team,
      model,
      purpose,
      maxDataClassification: classification,
      regions: splitList(regions),
      deployments: requestedDeployments(deployments),
      justification,
      requestedUntil: endOfDayUtc(until),
    };
    api
      .post<ApprovalRequest>("/api/v1/approval-requests", body)
      .then((created) => navigate(toApprovalRequest(created.id)))
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">New approval request</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={error ?? teams.error ?? models.error} />
        <Form
          maxWidth="40rem"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <TeamSelect
            fieldId="team"
            teams={teams.data?.items ?? []}
            value={team}
            onChange={setTeam}
            error={errors.team}
          />
          <Field label="Model" fieldId="model" error={errors.model} isRequired>
            <FormSelect
              id="model"
              value={model}
              onChange={(_e, v) => chooseModel(v)}
              validated={errors.model ? "error" : "default"}
            >
              <FormSelectOption value="" label="Choose a model" isDisabled />
              {(models.data?.items ?? []).map((m) => (
                <FormSelectOption key={m.id} value={m.id} label={`${m.displayName} (${m.id}, ${m.vendor})`} />
              ))}
            </FormSelect>
          </Field>
          {model && (
            <DeploymentChecklist
              fieldId="deployments"
              optionId="request-deployment"
              label="Deployments"
              hint="Optional. None selected: any deployment of the model."
              error={errors.deployments}
              choices={ofModel && deploymentChoices(undefined, ofModel)}
              empty="No deployment of this model is recorded: the request covers any it gets."
              selected={deployments}
              onChange={setDeployments}
            />
          )}
          <TextField
            label="Purpose"
            fieldId="purpose"
            error={errors.purpose}
            hint="A short id, such as chat or summarise"
            isRequired
            value={purpose}
            onChange={setPurpose}
          />
          <ClassificationSelect
            label="Data classification, at most"
            fieldId="classification"
            value={classification}
            onChange={setClassification}
            error={errors.maxDataClassification}
          />
          <TextField
            label="Regions"
            fieldId="regions"
            error={errors.regions}
            hint="Region codes separated by commas: eu, uk, us, cn, apac"
            isRequired
            value={regions}
            onChange={setRegions}
          />
          <Field label="Justification" fieldId="justification" error={errors.justification} isRequired>
            <TextArea
              id="justification"
              value={justification}
              onChange={(_e, v) => setJustification(v)}
              validated={errors.justification ? "error" : "default"}
            />
          </Field>
          <Field label="Needed until" fieldId="until" error={errors.requestedUntil} hint="Optional">
            <TextInput id="until" type="date" value={until} onChange={(_e, v) => setUntil(v)} />
          </Field>
          <ActionGroup>
            <Button type="submit" isDisabled={busy} isLoading={busy} data-testid="submit-request">
              Submit request
            </Button>
            <Button variant="link" onClick={() => navigate("/approvals")}>
              Cancel
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}
