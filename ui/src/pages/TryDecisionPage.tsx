import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  List,
  ListItem,
  PageSection,
  Stack,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { Link } from "react-router-dom";
import { fieldErrors, type Page } from "../api";
import { ErrorAlert, Field, useLoader } from "../components/common";
import { useApp } from "../context";
import { toDecision, type DecisionAnswer } from "../explorer";
import { CLASSIFICATIONS, formatInstant } from "../format";
import type { Model, Team } from "../types";

/**
 * Officers and tenant admins ask the decision API what a gateway would be told. The answer is a
 * real decision, logged under the person's name; the page says so before they ask.
 */
export function TryDecisionPage() {
  const { api, user } = useApp();
  const teams = useLoader(() => api.get<Page<Team>>("/api/v1/teams?size=500"), []);
  const models = useLoader(() => api.get<Page<Model>>("/api/v1/models?size=500"), []);
  const [team, setTeam] = useState("");
  const [model, setModel] = useState("");
  const [purpose, setPurpose] = useState("chat");
  const [classification, setClassification] = useState("internal");
  const [region, setRegion] = useState("eu");
  const [taskTier, setTaskTier] = useState("");
  const [answer, setAnswer] = useState<DecisionAnswer>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);

  const ask = () => {
    setBusy(true);
    setError(undefined);
    setAnswer(undefined);
    api
      .post<DecisionAnswer>("/api/v1/decisions/try", {
        team,
        model,
        purpose,
        dataClassification: classification,
        region,
        ...(taskTier ? { taskTier } : {}),
      })
      .then(setAnswer)
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <>
      <PageSection>
        <Link to="/decisions">Back to the decision explorer</Link>
        <Title headingLevel="h1">Try a decision</Title>
        <p>
          Ask Portolan what a gateway would be told. This is a real decision: it is logged under your name (client
          <code> user:{user.username}</code>), and auditors see it with the gateways' decisions.
        </p>
      </PageSection>
      <PageSection>
        <Grid hasGutter>
          <GridItem md={6}>
            <ErrorAlert error={teams.error ?? models.error} title="The teams or models could not be loaded" />
            <Form
              onSubmit={(e) => {
                e.preventDefault();
                ask();
              }}
            >
              <Field label="Team" fieldId="try-team" error={errors.team} isRequired>
                <FormSelect id="try-team" value={team} onChange={(_e, v) => setTeam(v)} validated={errors.team ? "error" : "default"}>
                  <FormSelectOption value="" label="Choose a team" isDisabled />
                  {(teams.data?.items ?? []).map((t) => (
                    <FormSelectOption key={t.id} value={t.id} label={`${t.name} (${t.id})`} />
                  ))}
                </FormSelect>
              </Field>
              <Field label="Model" fieldId="try-model" error={errors.model} isRequired hint="Any id: a model missing from the inventory is refused with its reason">
                <TextInput id="try-model" list="try-model-ids" value={model} onChange={(_e, v) => setModel(v)} validated={errors.model ? "error" : "default"} />
                <datalist id="try-model-ids">
                  {(models.data?.items ?? []).map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName}
                    </option>
                  ))}
                </datalist>
              </Field>
              <Field label="Purpose" fieldId="try-purpose" error={errors.purpose} isRequired>
                <TextInput id="try-purpose" value={purpose} onChange={(_e, v) => setPurpose(v)} validated={errors.purpose ? "error" : "default"} />
              </Field>
              <Field label="Data classification" fieldId="try-classification" error={errors.dataClassification} isRequired>
                <FormSelect id="try-classification" value={classification} onChange={(_e, v) => setClassification(v)}>
                  {CLASSIFICATIONS.map((c) => (
                    <FormSelectOption key={c} value={c} label={c} />
                  ))}
                </FormSelect>
              </Field>
              <Field label="Region" fieldId="try-region" error={errors.region} isRequired hint="Where the call would run, such as eu">
                <TextInput id="try-region" value={region} onChange={(_e, v) => setRegion(v)} validated={errors.region ? "error" : "default"} />
              </Field>
              <Field label="Task tier" fieldId="try-tier" error={errors.taskTier}>
                <FormSelect id="try-tier" value={taskTier} onChange={(_e, v) => setTaskTier(v)}>
                  <FormSelectOption value="" label="The team's default" />
                  <FormSelectOption value="routine" label="routine" />
                  <FormSelectOption value="standard" label="standard" />
                  <FormSelectOption value="critical" label="critical" />
                </FormSelect>
              </Field>
              <ActionGroup>
                <Button type="submit" isLoading={busy} isDisabled={busy} data-testid="ask-decision">
                  Ask for a decision
                </Button>
              </ActionGroup>
            </Form>
          </GridItem>
          <GridItem md={6}>
            <ErrorAlert error={error} title="Portolan did not decide" />
            {answer ? (
              <Answer answer={answer} />
            ) : (
              !error && <p>Choose a team and a model, then ask: the answer and its reasons appear here.</p>
            )}
          </GridItem>
        </Grid>
      </PageSection>
    </>
  );
}

function Answer({ answer }: { answer: DecisionAnswer }) {
  return (
    <Stack hasGutter data-testid="decision-answer">
      <Alert variant={answer.allow ? "success" : "danger"} isInline title={answer.allow ? "Allowed" : "Denied"}>
        Policy revision <code>{answer.policyRevision}</code>, evaluated {formatInstant(answer.evaluatedAt)}; a gateway may
        keep this answer until {formatInstant(answer.expiresAt)}. <Link to={toDecision(answer.decisionId)}>See it in the log</Link>.
      </Alert>
      <Title headingLevel="h2" size="md">
        Reasons
      </Title>
      {answer.reasons.length === 0 ? (
        <p>None: the policy allows it.</p>
      ) : (
        <List data-testid="answer-reasons">
          {answer.reasons.map((r) => (
            <ListItem key={r.code + r.message}>
              <code>{r.code}</code>: {r.message}
            </ListItem>
          ))}
        </List>
      )}
      <Title headingLevel="h2" size="md">
        Obligations
      </Title>
      {answer.obligations.length === 0 ? (
        <p>None.</p>
      ) : (
        <List>
          {answer.obligations.map((o) => (
            <ListItem key={o.code}>
              <code>{o.code}</code>: {o.message}
            </ListItem>
          ))}
        </List>
      )}
      {answer.alternatives.length > 0 && (
        <>
          <Title headingLevel="h2" size="md">
            Alternatives the team may use
          </Title>
          <List>
            {answer.alternatives.map((a) => (
              <ListItem key={a.model}>
                {a.model} ({a.vendor}, {a.jurisdiction}): {a.why}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
