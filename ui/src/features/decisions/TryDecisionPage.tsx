import {
  ActionGroup,
  Alert,
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Form,
  FormSelect,
  FormSelectOption,
  Grid,
  GridItem,
  List,
  ListItem,
  PageSection,
  Stack,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { Link } from "react-router-dom";
import { toAlias, type Alias } from "../aliases/aliases";
import { fieldErrors, type Page } from "../../shared/api";
import { useDeploymentsOf } from "../../shared/useDeploymentsOf";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { ClassificationSelect, TeamSelect } from "../../shared/components/QuestionFields";
import { TextField } from "../../shared/components/TextField";
import { useApp } from "../../shared/context";
import { aliasOutcome, routeLabel, toDecision, type DecisionAnswer, type Route } from "./explorer";
import { formatInstant } from "../../shared/format";
import type { Model, Team } from "../../shared/types";

/**
 * Officers and tenant admins ask the decision API what a gateway would be told. The answer is a
 * real decision, logged under the person's name; the page says so before they ask.
 */
export function TryDecisionPage() {
  const { api, user } = useApp();
  const teams = useLoader(() => api.get<Page<Team>>("/api/v1/teams?size=500"), []);
  const models = useLoader(() => api.get<Page<Model>>("/api/v1/models?size=500"), []);
  const aliases = useLoader(() => api.get<{ items: Alias[] }>("/api/v1/aliases").then((a) => a.items), []);
  const [team, setTeam] = useState("");
  const [model, setModel] = useState("");
  const [purpose, setPurpose] = useState("chat");
  const [classification, setClassification] = useState("internal");
  const [region, setRegion] = useState("eu");
  const [taskTier, setTaskTier] = useState("");
  const [deployment, setDeployment] = useState("");
  // The deployments to suggest: the model's, or for an alias those of its candidates' models.
  const alias = (aliases.data ?? []).find((a) => a.id === model.trim());
  const suggested = alias
    ? [...alias.candidates, ...(alias.draft?.candidates ?? [])].map((c) => c.model)
    : [model.trim()];
  const deployments = useDeploymentsOf(
    suggested.filter((m) => (models.data?.items ?? []).some((known) => known.id === m)),
  );
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
        ...(deployment.trim() ? { deployment: deployment.trim() } : {}),
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
            <ErrorAlert
              error={teams.error ?? models.error ?? aliases.error}
              title="The teams, models or aliases could not be loaded"
            />
            <Form
              onSubmit={(e) => {
                e.preventDefault();
                ask();
              }}
            >
              <TeamSelect
                fieldId="try-team"
                teams={teams.data?.items ?? []}
                value={team}
                onChange={setTeam}
                error={errors.team}
              />
              <TextField
                label="Model or alias"
                fieldId="try-model"
                error={errors.model}
                isRequired
                hint="A model's or an alias's id: one missing from the inventory is refused with its reason"
                list="try-model-ids"
                value={model}
                onChange={setModel}
              >
                <datalist id="try-model-ids">
                  {(aliases.data ?? []).map((a) => (
                    <option key={`alias-${a.id}`} value={a.id}>
                      alias: {a.description ?? a.candidates.map((c) => c.model).join(", ")}
                    </option>
                  ))}
                  {(models.data?.items ?? []).map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.displayName}
                    </option>
                  ))}
                </datalist>
              </TextField>
              <TextField
                label="Deployment"
                fieldId="try-deployment"
                error={errors.deployment}
                hint="Optional: where the call would go; empty lets the policy route it"
                list="try-deployment-ids"
                value={deployment}
                onChange={setDeployment}
              >
                <datalist id="try-deployment-ids">
                  {suggested
                    .flatMap((m) => deployments[m] ?? [])
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.model}: {d.selfHosted ? "self-hosted" : d.operator}, {d.operatorJurisdiction}
                      </option>
                    ))}
                </datalist>
              </TextField>
              <TextField
                label="Purpose"
                fieldId="try-purpose"
                error={errors.purpose}
                isRequired
                value={purpose}
                onChange={setPurpose}
              />
              <ClassificationSelect
                label="Data classification"
                fieldId="try-classification"
                value={classification}
                onChange={setClassification}
                error={errors.dataClassification}
              />
              <TextField
                label="Region"
                fieldId="try-region"
                error={errors.region}
                isRequired
                hint="Where the call would run, such as eu"
                value={region}
                onChange={setRegion}
              />
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
              !error && (
                <p>Choose a team and a model or alias, then ask: the answer, its reasons and its route appear here.</p>
              )
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
        Policy revision <code>{answer.policyRevision}</code>, evaluated {formatInstant(answer.evaluatedAt)}; a gateway
        may keep this answer until {formatInstant(answer.expiresAt)}.{" "}
        <Link to={toDecision(answer.decisionId)}>See it in the log</Link>.
      </Alert>
      {answer.alias && (
        <Alert
          variant={answer.alias.model ? "info" : "warning"}
          isInline
          title={`Asked for an alias: ${aliasOutcome(answer.alias)}`}
          data-testid="answer-alias"
        >
          {answer.alias.model
            ? "Its first candidate the team may use for this question. "
            : "Each candidate's reason is among the reasons below. "}
          <Link to={toAlias(answer.alias.name)}>See the alias and its candidates</Link>.
        </Alert>
      )}
      {answer.allow && (
        <>
          <Title headingLevel="h2" size="md">
            Route
          </Title>
          {answer.route ? (
            <RouteTerms route={answer.route} />
          ) : (
            <p data-testid="answer-no-route">None: no recorded deployment of the model qualifies for this question.</p>
          )}
        </>
      )}
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
              <ListItem
                key={`${a.alias ?? ""}-${a.model}`}
                data-testid={a.alias ? `alternative-alias-${a.alias}` : `alternative-${a.model}`}
              >
                {a.alias && (
                  <>
                    ask for the alias <Link to={toAlias(a.alias)}>{a.alias}</Link> instead, which resolves to{" "}
                  </>
                )}
                {a.model} ({a.vendor}, {a.jurisdiction}): {a.why}
                {a.route ? `; routed to ${routeLabel(a.route)}` : "; no deployment qualifies"}
              </ListItem>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** Where the gateway sends the call: the deployment, who operates it and under which jurisdiction, the region, the endpoint. */
function RouteTerms({ route }: { route: Route }) {
  const terms: [string, string][] = [
    ["Deployment", route.deployment],
    ["Model", route.model],
    ["Operator", route.operator],
    ["Operator jurisdiction", route.operatorJurisdiction],
    ["Region", route.region],
    ["Endpoint", route.endpoint ?? "not recorded"],
  ];
  return (
    <DescriptionList isHorizontal isCompact data-testid="answer-route">
      {terms.map(([term, value]) => (
        <DescriptionListGroup key={term}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription>
            {term === "Endpoint" && route.endpoint ? <code>{value}</code> : value}
          </DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}
