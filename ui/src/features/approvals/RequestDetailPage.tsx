import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
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
  TextArea,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { fieldErrors } from "../../shared/api";
import { deploymentChoices, deploymentsLabel, narrowedDeployments } from "./approvalDeployments";
import { useDeploymentsOf } from "../../shared/useDeploymentsOf";
import { ErrorAlert, Field, Loading, StatusLabel, useLoader } from "../../shared/components/common";
import { DeploymentChecklist } from "./DeploymentChecklist";
import { useApp } from "../../shared/context";
import { CLASSIFICATIONS, endOfDayUtc, formatInstant, splitList } from "../../shared/format";
import { canDecideRequest } from "../../shared/permissions";
import type { ApprovalRequest, DecisionInput } from "../../shared/types";

/** One request: what was asked, the policy pre-check, its history, and the officer's decision. */
export function RequestDetailPage() {
  const { id = "" } = useParams();
  const { api, user } = useApp();
  const {
    data: request,
    error,
    reload,
  } = useLoader(() => api.get<ApprovalRequest>(`/api/v1/approval-requests/${encodeURIComponent(id)}`), [id]);
  const [actionError, setActionError] = useState<unknown>();

  if (error)
    return (
      <PageSection>
        <ErrorAlert error={error} title="This request could not be loaded" />
      </PageSection>
    );
  if (!request)
    return (
      <PageSection>
        <Loading />
      </PageSection>
    );

  const withdraw = () =>
    api.post(`/api/v1/approval-requests/${request.id}/withdraw`).then(reload).catch(setActionError);
  const findings = request.findings ?? [];

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">
          {request.model} for {request.team} <StatusLabel status={request.status} />
        </Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={actionError} />
        <Grid hasGutter>
          <GridItem md={7}>
            <Card>
              <CardTitle component="h2">What is asked</CardTitle>
              <CardBody>
                <DescriptionList isHorizontal data-testid="request-summary">
                  <Item term="Team" value={request.team} />
                  <Item term="Model" value={request.model} />
                  <Item term="Purpose" value={request.purpose} />
                  <Item term="Data classification, at most" value={request.maxDataClassification} />
                  <Item term="Regions" value={request.regions.join(", ")} />
                  <Item term="Deployments" value={deploymentsLabel(request.deployments)} />
                  <Item term="Needed until" value={formatInstant(request.requestedUntil)} />
                  <Item term="Requester" value={request.requester} />
                  <Item term="Justification" value={request.justification} />
                  <Item
                    term="Approvals needed"
                    value={`${request.approvedBy.length} of ${request.requiredApprovals}${request.approvedBy.length ? ` (by ${request.approvedBy.join(", ")})` : ""}`}
                  />
                  {request.highRisk && <Item term="High risk because" value={request.highRiskBecause.join(", ")} />}
                </DescriptionList>
              </CardBody>
            </Card>
          </GridItem>
          <GridItem md={5}>
            <Card>
              <CardTitle component="h2">Policy pre-check</CardTitle>
              <CardBody data-testid="findings">
                {findings.length === 0 ? (
                  <Alert variant="success" isInline isPlain title="The current policy raises no objection." />
                ) : (
                  findings.map((f) => (
                    <Alert key={f.code} variant="warning" isInline isPlain title={f.code}>
                      {f.message}
                    </Alert>
                  ))
                )}
              </CardBody>
            </Card>
            <Card style={{ marginTop: "1rem" }}>
              <CardTitle component="h2">History</CardTitle>
              <CardBody>
                <List isPlain data-testid="history">
                  {(request.history ?? []).map((h, i) => (
                    <ListItem key={i}>
                      {formatInstant(h.at)}: <strong>{h.actor}</strong> {h.action}
                      {h.comment ? ` — “${h.comment}”` : ""}
                    </ListItem>
                  ))}
                </List>
              </CardBody>
            </Card>
          </GridItem>
          {canDecideRequest(user.roles, user.username, request) && (
            <GridItem md={7}>
              <DecisionForm request={request} onDecided={reload} />
            </GridItem>
          )}
          {request.status === "pending" && request.requester === user.username && (
            <GridItem md={7}>
              <Button variant="secondary" onClick={withdraw} data-testid="withdraw">
                Withdraw request
              </Button>
            </GridItem>
          )}
        </Grid>
      </PageSection>
    </>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{value || "—"}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

/** Approve with conditions that narrow the request, or reject with a comment. */
function DecisionForm({ request, onDecided }: { request: ApprovalRequest; onDecided: () => void }) {
  const { api } = useApp();
  const [classification, setClassification] = useState(request.maxDataClassification);
  const [regions, setRegions] = useState(request.regions.join(", "));
  const [expiry, setExpiry] = useState(request.requestedUntil?.slice(0, 10) ?? "");
  const [deployments, setDeployments] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const ofModel = useDeploymentsOf([request.model])[request.model];
  const named = request.deployments ?? [];
  // The request's own deployments are known without the model's list; only their details wait for it.
  const choices = named.length > 0 || ofModel ? deploymentChoices(named, ofModel) : undefined;

  const decide = (outcome: "approve" | "reject") => {
    const conditions: DecisionInput["conditions"] =
      outcome === "approve"
        ? {
            maxDataClassification: classification,
            regions: splitList(regions),
            expiresAt: endOfDayUtc(expiry),
            deployments: narrowedDeployments(named, deployments),
          }
        : undefined;
    const body: DecisionInput = { outcome, comment: comment || undefined, conditions };
    api.post(`/api/v1/approval-requests/${request.id}/decision`, body).then(onDecided).catch(setError);
  };

  return (
    <Card>
      <CardTitle component="h2">Decide</CardTitle>
      <CardBody>
        <ErrorAlert error={error} />
        <Form onSubmit={(e) => e.preventDefault()}>
          <Field
            label="Data classification, at most"
            fieldId="decision-classification"
            error={errors["conditions.maxDataClassification"]}
          >
            <FormSelect id="decision-classification" value={classification} onChange={(_e, v) => setClassification(v)}>
              {CLASSIFICATIONS.map((c) => (
                <FormSelectOption key={c} value={c} label={c} />
              ))}
            </FormSelect>
          </Field>
          <Field
            label="Regions"
            fieldId="decision-regions"
            error={errors["conditions.regions"]}
            hint="Only these of the requested regions"
          >
            <TextInput id="decision-regions" value={regions} onChange={(_e, v) => setRegions(v)} />
          </Field>
          <DeploymentChecklist
            fieldId="decision-deployments"
            optionId="decision-deployment"
            label="Deployments"
            hint={
              named.length > 0
                ? "Only these of the requested deployments. None selected: all the request names."
                : "Only these deployments of the model. None selected: any deployment, as requested."
            }
            error={errors["conditions.deployments"]}
            choices={choices}
            empty="No deployment of this model is recorded: the approval covers any it gets."
            selected={deployments}
            onChange={setDeployments}
          />
          <Field
            label="Expires on"
            fieldId="decision-expiry"
            error={errors["conditions.expiresAt"]}
            hint="The approval ends at the end of this day (UTC)"
          >
            <TextInput id="decision-expiry" type="date" value={expiry} onChange={(_e, v) => setExpiry(v)} />
          </Field>
          <Field
            label="Comment"
            fieldId="decision-comment"
            error={errors.comment}
            hint="Required by your practice when rejecting"
          >
            <TextArea id="decision-comment" value={comment} onChange={(_e, v) => setComment(v)} />
          </Field>
          <ActionGroup>
            <Button onClick={() => decide("approve")} data-testid="approve">
              Approve
            </Button>
            <Button variant="danger" onClick={() => decide("reject")} data-testid="reject">
              Reject
            </Button>
          </ActionGroup>
        </Form>
      </CardBody>
    </Card>
  );
}
