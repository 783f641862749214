import {
  ActionGroup,
  Alert,
  AlertActionCloseButton,
  Button,
  Card,
  CardBody,
  CardFooter,
  CardTitle,
  Flex,
  FlexItem,
  Form,
  Grid,
  GridItem,
  Label,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  aliasBody,
  impactSummary,
  resolutionGrid,
  resolutionLabel,
  sameCandidates,
  toRows,
  type Alias,
  type AliasImpact,
  type AliasQuestion,
  type ResolutionTable,
} from "./aliases";
import { fieldErrors, loadAll, query } from "../../shared/api";
import { AliasForm, CandidateList, type AliasFormValue } from "./AliasForm";
import { ErrorAlert, Loading, useLoader } from "../../shared/components/common";
import { Dialog } from "../../shared/components/Dialog";
import { TextField } from "../../shared/components/TextField";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import type { Model } from "../../shared/types";

const aliasPath = (id: string) => `/api/v1/aliases/${encodeURIComponent(id)}`;

/**
 * One alias: its published candidates and its draft side by side; officers and tenant admins edit
 * a draft, see its impact on the calls of the last 7 days, then publish or discard it; everyone
 * sees where the alias resolves per team and data classification in a region.
 */
export function AliasDetailPage() {
  const { api, user } = useApp();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const canWrite = can(user.roles, "aliases:write");
  const canImpact = can(user.roles, "aliases:impact");
  const { data: alias, error, reload } = useLoader(() => api.get<Alias>(aliasPath(id)), [id]);
  const draftedAt = alias?.draft?.draftedAt;
  // The impact describes the saved draft: it is fetched again whenever another draft is saved.
  const impact = useLoader(
    () => (draftedAt && canImpact ? api.get<AliasImpact>(`${aliasPath(id)}/impact`) : Promise.resolve(undefined)),
    [id, draftedAt, canImpact],
  );
  const [editing, setEditing] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();

  const discard = () => {
    setActionError(undefined);
    api
      .delete(`${aliasPath(id)}/draft`)
      .then(() => {
        setNotice("Draft discarded: decisions go on resolving by the published candidates.");
        reload();
      })
      .catch(setActionError);
  };

  return (
    <>
      <PageSection>
        <Link to="/aliases">Back to aliases</Link>
        <Flex justifyContent={{ default: "justifyContentSpaceBetween" }} alignItems={{ default: "alignItemsCenter" }}>
          <FlexItem>
            <Title headingLevel="h1">Alias {id}</Title>
          </FlexItem>
          {canWrite && alias && (
            <FlexItem>
              <Button variant="secondary" isDanger onClick={() => setDeleting(true)} data-testid="delete-alias">
                Delete alias
              </Button>
            </FlexItem>
          )}
        </Flex>
        {alias?.description && <p data-testid="alias-description">{alias.description}</p>}
      </PageSection>
      <PageSection>
        <ErrorAlert error={error} title="The alias could not be loaded" />
        <ErrorAlert error={actionError} />
        {notice && (
          <Alert
            variant="success"
            isInline
            title={notice}
            actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
            data-testid="alias-notice"
            style={{ marginBottom: "1rem" }}
          />
        )}
        {!alias && !error && <Loading />}
        {alias && (
          <Grid hasGutter>
            <GridItem md={6}>
              <Card data-testid="alias-published" isFullHeight>
                <CardTitle component="h2">Published: what decisions resolve by</CardTitle>
                <CardBody>
                  <CandidateList candidates={alias.candidates} />
                  <p>
                    <small>
                      Published {formatInstant(alias.publishedAt)}; created {formatInstant(alias.createdAt)}.
                    </small>
                  </p>
                </CardBody>
              </Card>
            </GridItem>
            <GridItem md={6}>
              <Card data-testid="alias-draft" isFullHeight>
                <CardTitle component="h2">Draft</CardTitle>
                <CardBody>
                  {alias.draft ? (
                    <>
                      <CandidateList candidates={alias.draft.candidates} testId="draft-candidates" />
                      {alias.draft.description && alias.draft.description !== alias.description && (
                        <p>Description: {alias.draft.description}</p>
                      )}
                      <p>
                        <small>
                          Drafted by {alias.draft.draftedBy}, {formatInstant(alias.draft.draftedAt)}. Decisions resolve
                          by the published candidates until it is published.
                        </small>
                      </p>
                      {sameCandidates(alias.candidates, alias.draft.candidates) && (
                        <Label color="grey">The same candidates, in the same order, as published</Label>
                      )}
                    </>
                  ) : (
                    <p data-testid="no-draft">
                      No draft.{" "}
                      {canWrite
                        ? "Edit the candidates to draft a change; it is previewed against the logged calls before you publish it."
                        : "An officer or tenant admin drafts changes."}
                    </p>
                  )}
                </CardBody>
                {canWrite && (
                  <CardFooter>
                    <ActionGroup style={{ marginTop: 0 }}>
                      {alias.draft && (
                        <Button onClick={() => setPublishing(true)} data-testid="publish-alias">
                          Publish draft
                        </Button>
                      )}
                      <Button
                        variant="secondary"
                        onClick={() => setEditing(true)}
                        isDisabled={editing}
                        data-testid="edit-alias"
                      >
                        {alias.draft ? "Edit draft" : "Edit candidates"}
                      </Button>
                      {alias.draft && (
                        <Button variant="link" isDanger onClick={discard} data-testid="discard-alias-draft">
                          Discard draft
                        </Button>
                      )}
                    </ActionGroup>
                  </CardFooter>
                )}
              </Card>
            </GridItem>
            {editing && (
              <GridItem>
                <DraftEditor
                  alias={alias}
                  onClose={(saved) => {
                    setEditing(false);
                    if (saved) {
                      setNotice("Draft saved. Check its impact below, then publish it.");
                      reload();
                    }
                  }}
                />
              </GridItem>
            )}
          </Grid>
        )}
      </PageSection>
      {alias?.draft && canImpact && (
        <PageSection aria-labelledby="impact-title">
          <Title headingLevel="h2" id="impact-title">
            Impact of the draft
          </Title>
          <ErrorAlert error={impact.error} title="The impact could not be worked out" />
          {impact.loading && !impact.data && <Loading />}
          {impact.data && <ImpactTable impact={impact.data} />}
        </PageSection>
      )}
      {alias && <ResolutionSection alias={alias} />}
      {publishing && alias?.draft && (
        <PublishDialog
          alias={alias}
          impact={impact.data}
          onClose={(published) => {
            setPublishing(false);
            if (published) {
              setNotice("Published: the next decision on every replica resolves by these candidates.");
              reload();
            }
          }}
        />
      )}
      {deleting && alias && (
        <DeleteDialog alias={alias} onClose={(deleted) => (deleted ? navigate("/aliases") : setDeleting(false))} />
      )}
    </>
  );
}

/** Editing always saves a draft; it starts from the draft when there is one, else from what is published. */
function DraftEditor({ alias, onClose }: { alias: Alias; onClose: (saved: boolean) => void }) {
  const { api } = useApp();
  const models = useLoader(() => loadAll<Model>(api, "/api/v1/models"), []);
  const start = alias.draft ?? alias;
  const [form, setForm] = useState<AliasFormValue>({
    description: start.description ?? "",
    rows: toRows(start.candidates),
  });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    setError(undefined);
    api
      .put<Alias>(`${aliasPath(alias.id)}/draft`, aliasBody(form))
      .then(() => onClose(true))
      .catch((e) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <Card data-testid="alias-editor">
      <CardTitle component="h2">Draft a change to {alias.id}</CardTitle>
      <CardBody>
        <ErrorAlert error={models.error} title="The models could not be loaded" />
        <AliasForm
          formId="alias-draft-form"
          value={form}
          models={models.data ?? []}
          error={error}
          errorTitle="The draft was not saved"
          onChange={setForm}
          onSubmit={save}
        >
          <ActionGroup>
            <Button type="submit" isLoading={busy} isDisabled={busy} data-testid="save-alias-draft">
              Save draft
            </Button>
            <Button variant="link" onClick={() => onClose(false)}>
              Cancel
            </Button>
          </ActionGroup>
        </AliasForm>
      </CardBody>
    </Card>
  );
}

const questionKey = (q: AliasQuestion) =>
  [q.team, q.purpose, q.dataClassification, q.region, q.taskTier ?? "default"].join("-");

function ImpactTable({ impact }: { impact: AliasImpact }) {
  return (
    <>
      <Alert
        variant={impact.movedCalls > 0 ? "warning" : "info"}
        isInline
        title={impactSummary(impact)}
        data-testid="impact-summary"
      >
        Logged from {formatInstant(impact.from)} to {formatInstant(impact.to)}, each question replayed under the
        published candidates and under the draft.
      </Alert>
      {impact.questions.length > 0 && (
        <Table
          aria-label="Logged questions for the alias, now and under the draft"
          variant="compact"
          data-testid="impact-table"
        >
          <Thead>
            <Tr>
              <Th>Team</Th>
              <Th>Purpose</Th>
              <Th>Classification</Th>
              <Th>Region</Th>
              <Th>Task tier</Th>
              <Th>Calls</Th>
              <Th>Now</Th>
              <Th>Under the draft</Th>
            </Tr>
          </Thead>
          <Tbody>
            {impact.questions.map((q) => (
              <Tr key={questionKey(q)} data-testid={`impact-${questionKey(q)}`}>
                <Td dataLabel="Team">{q.team}</Td>
                <Td dataLabel="Purpose">{q.purpose}</Td>
                <Td dataLabel="Classification">{q.dataClassification}</Td>
                <Td dataLabel="Region">{q.region}</Td>
                <Td dataLabel="Task tier">{q.taskTier ?? "team default"}</Td>
                <Td dataLabel="Calls">{q.calls.toLocaleString("en")}</Td>
                <Td dataLabel="Now">{resolutionLabel(q.published)}</Td>
                <Td dataLabel="Under the draft">
                  {resolutionLabel(q.draft)} {q.moves && <Label color="orange">moves</Label>}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
}

/** Where the alias resolves for each team, purpose and data classification in a region, now and under the draft. */
function ResolutionSection({ alias }: { alias: Alias }) {
  const { api } = useApp();
  const [search, setSearch] = useSearchParams();
  const region = search.get("region") || "eu";
  const [typed, setTyped] = useState(region);
  const version = `${alias.publishedAt}|${alias.draft?.draftedAt ?? ""}`;
  const { data, error, loading } = useLoader(
    () => api.get<ResolutionTable>(`${aliasPath(alias.id)}/resolution${query({ region })}`),
    [alias.id, region, version],
  );
  const errors = fieldErrors(error);
  const grid = data ? resolutionGrid(data) : undefined;
  return (
    <PageSection aria-labelledby="resolution-title">
      <Title headingLevel="h2" id="resolution-title">
        Resolution by team and data classification
      </Title>
      <p>
        For each team approved for a candidate, each purpose and classification: the model and deployment a question in
        the region resolves to{data?.hasDraft ? ", now and under the draft" : ""}. Denied means no candidate may be
        used.
      </p>
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          const next = new URLSearchParams(search);
          next.set("region", typed.trim());
          setSearch(next, { replace: true });
        }}
      >
        <Flex alignItems={{ default: "alignItemsFlexEnd" }}>
          <FlexItem>
            <TextField
              label="Region"
              fieldId="resolution-region"
              error={errors.region}
              hint="Where the calls run, such as eu"
              value={typed}
              onChange={setTyped}
            />
          </FlexItem>
          <FlexItem>
            <Button type="submit" variant="secondary" data-testid="show-resolution">
              Show
            </Button>
          </FlexItem>
        </Flex>
      </Form>
      <ErrorAlert error={errors.region ? undefined : error} title="The resolution could not be worked out" />
      {loading && !data && <Loading />}
      {data && grid && grid.rows.length === 0 && (
        <p data-testid="resolution-empty">
          No team holds an approval for a candidate's model: every question for the alias is denied.
        </p>
      )}
      {data && grid && grid.rows.length > 0 && (
        <Table
          aria-label={`Resolution of ${alias.id} in ${data.region}`}
          variant="compact"
          data-testid="resolution-table"
        >
          <Thead>
            <Tr>
              <Th>Team</Th>
              <Th>Purpose</Th>
              {grid.classifications.map((c) => (
                <Th key={c}>{c}</Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {grid.rows.map((row) => (
              <Tr key={`${row.team}-${row.purpose}`} data-testid={`resolution-${row.team}-${row.purpose}`}>
                <Td dataLabel="Team">{row.team}</Td>
                <Td dataLabel="Purpose">{row.purpose}</Td>
                {grid.classifications.map((c) => (
                  <Td key={c} dataLabel={c} data-testid={`resolution-${row.team}-${row.purpose}-${c}`}>
                    <ResolutionCell question={row.cells[c]} hasDraft={data.hasDraft} />
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </PageSection>
  );
}

function ResolutionCell({ question, hasDraft }: { question?: AliasQuestion; hasDraft: boolean }) {
  if (!question) return <>—</>;
  if (!hasDraft) return <>{resolutionLabel(question.published)}</>;
  return (
    <>
      <div>now: {resolutionLabel(question.published)}</div>
      <div>
        draft: {resolutionLabel(question.draft)}{" "}
        {question.moves && (
          <Label color="orange" isCompact>
            moves
          </Label>
        )}
      </div>
    </>
  );
}

function PublishDialog({
  alias,
  impact,
  onClose,
}: {
  alias: Alias;
  impact?: AliasImpact;
  onClose: (published: boolean) => void;
}) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const publish = () => {
    setBusy(true);
    api
      .post<Alias>(`${aliasPath(alias.id)}/publish`)
      .then(() => onClose(true))
      .catch((e) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <Dialog
      titleId="publish-alias-title"
      title={`Publish the draft of ${alias.id}?`}
      onCancel={() => onClose(false)}
      actions={
        <Button onClick={publish} isLoading={busy} isDisabled={busy} data-testid="confirm-publish-alias">
          Publish
        </Button>
      }
    >
      <p>
        The next decision on every replica resolves the alias by the drafted candidates. The change is in the audit
        trail.
      </p>
      {impact ? (
        <p data-testid="publish-alias-impact">{impactSummary(impact)}</p>
      ) : (
        <Alert
          variant="warning"
          isInline
          title="The draft's impact has not been worked out"
          style={{ marginTop: "0.5rem" }}
        />
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}

function DeleteDialog({ alias, onClose }: { alias: Alias; onClose: (deleted: boolean) => void }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const confirm = () =>
    api
      .delete(aliasPath(alias.id))
      .then(() => onClose(true))
      .catch(setError);
  return (
    <Dialog
      titleId="delete-alias-title"
      title={`Delete ${alias.id}?`}
      onCancel={() => onClose(false)}
      actions={
        <Button variant="danger" onClick={confirm} data-testid="confirm-delete-alias">
          Delete
        </Button>
      }
    >
      <p>
        Gateways asking for “{alias.id}” are refused (model_unknown) from their next decision. Logged decisions keep the
        alias.
      </p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
