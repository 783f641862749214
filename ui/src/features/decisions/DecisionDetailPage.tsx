import {
  Card,
  CardBody,
  CardTitle,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Grid,
  GridItem,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert, Loading, StatusLabel, useLoader } from "../../shared/components/common";
import { useApp } from "../../shared/context";
import { toAlias } from "../aliases/aliases";
import { clientLabel, inputOf, sourceLabel, type LoggedDecision } from "./explorer";
import { formatInstant } from "../../shared/format";
import { toModel } from "../../shared/paths";

/** One logged decision: what was asked, the answer with its reasons, and where it came from. */
export function DecisionDetailPage() {
  const { api } = useApp();
  const { id = "" } = useParams();
  const { data, error } = useLoader(
    () => api.get<LoggedDecision>(`/api/v1/audit/decisions/${encodeURIComponent(id)}`),
    [id],
  );
  return (
    <>
      <PageSection>
        <Link to="/decisions">Back to the decision explorer</Link>
        <Title headingLevel="h1">
          Decision {id} {data && <StatusLabel status={data.allow ? "allow" : "deny"} />}
        </Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={error} title="The decision could not be loaded" />
        {!data && !error && <Loading />}
        {data && <DecisionDetail decision={data} />}
      </PageSection>
    </>
  );
}

function DecisionDetail({ decision }: { decision: LoggedDecision }) {
  return (
    <Grid hasGutter>
      <GridItem md={6}>
        <Card>
          <CardTitle component="h2">Input</CardTitle>
          <CardBody>
            <Terms
              testId="decision-input"
              items={[
                ["Team", decision.team],
                ...(decision.alias
                  ? ([
                      ["Alias", <Link to={toAlias(decision.alias)}>{decision.alias}</Link>],
                      [
                        "Model",
                        decision.model === decision.alias ? (
                          "none: no candidate could be used"
                        ) : (
                          <>
                            resolved to <Link to={toModel(decision.model)}>{decision.model}</Link>
                          </>
                        ),
                      ],
                    ] as [string, ReactNode][])
                  : ([["Model", <Link to={toModel(decision.model)}>{decision.model}</Link>]] as [string, ReactNode][])),
                ["Deployment asked for", decision.askedDeployment ?? "none named: the policy routes"],
                ["Purpose", decision.purpose],
                ["Data classification", decision.dataClassification],
                ["Region", decision.region],
                ["Task tier", decision.taskTier ?? "none named: the team's default applied"],
                ["Evaluated at", formatInstant(decision.evaluatedAt)],
              ]}
            />
            <CodeBlock aria-label="The input as the caller sent it">
              <CodeBlockCode>{JSON.stringify(inputOf(decision), null, 2)}</CodeBlockCode>
            </CodeBlock>
          </CardBody>
        </Card>
      </GridItem>
      <GridItem md={6}>
        <Card>
          <CardTitle component="h2">Answer</CardTitle>
          <CardBody>
            <Terms
              testId="decision-answer"
              items={[
                ["Outcome", decision.allow ? "Allowed" : "Denied"],
                [
                  "Routed to",
                  decision.allow ? (decision.deployment ?? "not routed: no deployment recorded") : "— (denied)",
                ],
                ["Policy revision", <code>{decision.policyRevision}</code>],
                ["Client", clientLabel(decision.clientId)],
                ["Source", sourceLabel(decision.source)],
                ["Place in the log", decision.seq === null ? "not chained" : `entry ${decision.seq}`],
                ["Hash", <code style={{ wordBreak: "break-all" }}>{decision.hash ?? "—"}</code>],
              ]}
            />
          </CardBody>
        </Card>
      </GridItem>
      <GridItem md={6}>
        <Card>
          <CardTitle component="h2">Reasons</CardTitle>
          <CardBody data-testid="decision-reasons">
            {decision.reasons.length === 0 ? (
              <p>No reason to refuse: the policy allowed it.</p>
            ) : (
              <Table aria-label="Reasons" variant="compact">
                <Thead>
                  <Tr>
                    <Th>Code</Th>
                    <Th>Why</Th>
                    <Th>Rule</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {decision.reasons.map((r) => (
                    <Tr key={r.code + r.message}>
                      <Td dataLabel="Code">
                        <code>{r.code}</code>
                      </Td>
                      <Td dataLabel="Why">{r.message}</Td>
                      <Td dataLabel="Rule">{r.rule ?? "—"}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </CardBody>
        </Card>
      </GridItem>
      <GridItem md={6}>
        <Card>
          <CardTitle component="h2">Obligations</CardTitle>
          <CardBody data-testid="decision-obligations">
            {decision.obligations.length === 0 ? (
              <p>None: the answer put no condition on the use.</p>
            ) : (
              <Table aria-label="Obligations" variant="compact">
                <Thead>
                  <Tr>
                    <Th>Code</Th>
                    <Th>What the caller must do</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {decision.obligations.map((o) => (
                    <Tr key={o.code + o.message}>
                      <Td dataLabel="Code">
                        <code>{o.code}</code>
                      </Td>
                      <Td dataLabel="What the caller must do">{o.message}</Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </CardBody>
        </Card>
      </GridItem>
    </Grid>
  );
}

function Terms({ items, testId }: { items: [string, ReactNode][]; testId: string }) {
  return (
    <DescriptionList isHorizontal isCompact data-testid={testId}>
      {items.map(([term, value]) => (
        <DescriptionListGroup key={term}>
          <DescriptionListTerm>{term}</DescriptionListTerm>
          <DescriptionListDescription>{value}</DescriptionListDescription>
        </DescriptionListGroup>
      ))}
    </DescriptionList>
  );
}
