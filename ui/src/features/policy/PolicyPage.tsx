import {
  ActionGroup,
  Alert,
  AlertActionCloseButton,
  Button,
  Divider,
  EmptyState,
  EmptyStateBody,
  Form,
  Label,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from "@patternfly/react-core";
import { useMemo, useState } from "react";
import { fieldErrors, type Api } from "../../shared/api";
import { ChangesTable } from "./ChangesTable";
import { ErrorAlert, Loading, useLoader } from "../../shared/components/common";
import { Dialog } from "../../shared/components/Dialog";
import { ImpactPanel } from "./ImpactPanel";
import { RevisionsTable } from "./RevisionsTable";
import { SettingsEditor } from "./SettingsEditor";
import { useApp } from "../../shared/context";
import { can } from "../../shared/permissions";
import {
  diffForms,
  errorLines,
  fromForm,
  impactSummary,
  NO_SETTINGS,
  toForm,
  type ImpactReport,
  type PolicySettings,
  type Revision,
  type SettingsForm,
} from "./policy";

async function loadPolicy(api: Api) {
  const [draft, revisions] = await Promise.all([
    api.get<PolicySettings>("/api/v1/policy/settings"),
    api.get<Revision[]>("/api/v1/policy/revisions"),
  ]);
  return { draft, revisions };
}

/**
 * The sovereignty settings: officers and tenant admins edit a draft and analyse its impact;
 * officers publish it as a revision or roll back to an earlier one; auditors read.
 */
export function PolicyPage() {
  const { api, user } = useApp();
  const canEdit = can(user.roles, "policy:edit");
  const canPublish = can(user.roles, "policy:publish");
  const { data, error, reload } = useLoader(() => loadPolicy(api), []);
  const [tab, setTab] = useState<string | number>("draft");
  const [notice, setNotice] = useState<string>();

  const published = data?.revisions[0] ?? null;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Sovereignty policy</Title>
        <p data-testid="policy-status">
          {published
            ? `Decisions use revision ${published.number}, published by ${published.publishedBy}.`
            : "Nothing is published yet: decisions apply no sovereignty restriction."}
        </p>
      </PageSection>
      <PageSection>
        <ErrorAlert error={error} title="The policy could not be loaded" />
        {notice && (
          <Alert
            variant="success"
            isInline
            title={notice}
            actionClose={<AlertActionCloseButton onClose={() => setNotice(undefined)} />}
            data-testid="policy-notice"
            style={{ marginBottom: "1rem" }}
          />
        )}
        {!data && !error && <Loading />}
        {data && (
          <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} aria-label="Draft and revisions">
            <Tab eventKey="draft" title={<TabTitleText>Draft</TabTitleText>} data-testid="tab-draft">
              <DraftTab
                key={JSON.stringify(data.draft) + (published?.number ?? 0)}
                draft={data.draft}
                published={published}
                canEdit={canEdit}
                canPublish={canPublish}
                onSaved={reload}
                onPublished={(revision) => {
                  setNotice(`Published revision ${revision.number}; gateways get it at their next decision.`);
                  reload();
                }}
              />
            </Tab>
            <Tab
              eventKey="revisions"
              title={<TabTitleText>Revisions ({data.revisions.length})</TabTitleText>}
              data-testid="tab-revisions"
            >
              <RevisionsTable
                revisions={data.revisions}
                canRollBack={canPublish}
                draftDiffers={published ? diffForms(toForm(published.settings), toForm(data.draft)).length > 0 : false}
                onRolledBack={(revision) => {
                  setNotice(
                    `Rolled back: revision ${revision.number} republishes revision ${revision.rolledBackTo}'s settings.`,
                  );
                  reload();
                }}
              />
            </Tab>
          </Tabs>
        )}
      </PageSection>
    </>
  );
}

interface DraftProps {
  draft: PolicySettings;
  published: Revision | null;
  canEdit: boolean;
  canPublish: boolean;
  onSaved: () => void;
  onPublished: (revision: Revision) => void;
}

/** The editor, its difference from the published revision, the impact analysis and publishing. */
function DraftTab({ draft, published, canEdit, canPublish, onSaved, onPublished }: DraftProps) {
  const { api } = useApp();
  const saved = useMemo(() => toForm(draft), [draft]);
  const [form, setForm] = useState<SettingsForm>(saved);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  // The tab remounts whenever the saved draft changes, so a report always describes the saved draft.
  const [impact, setImpact] = useState<ImpactReport>();
  const [publishing, setPublishing] = useState(false);

  const unsaved = diffForms(saved, form).length > 0;
  const publishedForm = toForm(published?.settings ?? NO_SETTINGS);
  const changes = diffForms(publishedForm, form);
  const savedChanges = diffForms(publishedForm, saved);
  const errors = fieldErrors(saveError);

  const save = () => {
    setSaving(true);
    setSaveError(undefined);
    api
      .put<PolicySettings>("/api/v1/policy/settings", fromForm(form))
      .then(onSaved)
      .catch(setSaveError)
      .finally(() => setSaving(false));
  };

  return (
    <div style={{ paddingTop: "1rem" }}>
      {saveError !== undefined && (
        <Alert
          variant="danger"
          isInline
          title="The draft was not saved"
          data-testid="error-alert"
          style={{ marginBottom: "1rem" }}
        >
          {Object.keys(errors).length > 0 ? (
            <ul>
              {errorLines(errors).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <ErrorMessage error={saveError} />
          )}
        </Alert>
      )}
      <Form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        data-testid="settings-form"
      >
        <SettingsEditor
          form={form}
          errors={errors}
          onChange={canEdit ? (key, value) => setForm((f) => ({ ...f, [key]: value })) : undefined}
        />
        {canEdit && (
          <ActionGroup>
            <Button type="submit" isDisabled={!unsaved || saving} isLoading={saving} data-testid="save-draft">
              Save draft
            </Button>
            <Button
              variant="link"
              isDisabled={!unsaved}
              onClick={() => {
                setForm(saved);
                setSaveError(undefined);
              }}
              data-testid="discard-draft"
            >
              Discard changes
            </Button>
            {unsaved && <Label color="orange">Unsaved changes</Label>}
          </ActionGroup>
        )}
      </Form>
      <Divider style={{ margin: "1.5rem 0" }} />
      <section aria-labelledby="changes-title">
        <Title headingLevel="h2" size="lg" id="changes-title">
          {published ? `Draft compared with revision ${published.number}` : "Draft compared with no policy"}
          {unsaved && " (including unsaved changes)"}
        </Title>
        {changes.length === 0 ? (
          <EmptyState titleText="The draft matches what is published" headingLevel="h3" data-testid="no-changes">
            <EmptyStateBody>
              {canEdit
                ? "Change a setting above and save the draft; its impact and the changes to publish appear here."
                : "There is nothing waiting to be published."}
            </EmptyStateBody>
          </EmptyState>
        ) : (
          <ChangesTable
            label="Changes from the published revision"
            changes={changes}
            before={published ? `Revision ${published.number}` : "Nothing published"}
            after="Draft"
            testId="draft-changes"
          />
        )}
      </section>
      {canEdit && (
        <>
          <Divider style={{ margin: "1.5rem 0" }} />
          <ImpactPanel
            report={impact}
            blockedBecause={unsaved ? "Save the draft first: the analysis replays the saved draft." : undefined}
            onReport={setImpact}
          />
          <Divider style={{ margin: "1.5rem 0" }} />
          {canPublish ? (
            <ActionGroup>
              <Button
                onClick={() => setPublishing(true)}
                isDisabled={unsaved || savedChanges.length === 0}
                data-testid="publish"
              >
                Publish draft
              </Button>
              {unsaved && <span>Save the draft before publishing it.</span>}
              {!unsaved && savedChanges.length === 0 && (
                <span>The draft matches the published revision: nothing to publish.</span>
              )}
            </ActionGroup>
          ) : (
            <p data-testid="publish-by-officer">A compliance officer reviews the saved draft and publishes it.</p>
          )}
        </>
      )}
      {publishing && (
        <PublishDialog
          next={(published?.number ?? 0) + 1}
          changes={savedChanges.length}
          impact={impact}
          onClose={(revision) => {
            setPublishing(false);
            if (revision) onPublished(revision);
          }}
        />
      )}
    </div>
  );
}

function ErrorMessage({ error }: { error: unknown }) {
  return <>{error instanceof Error ? error.message : String(error)}</>;
}

function PublishDialog(props: {
  next: number;
  changes: number;
  impact?: ImpactReport;
  onClose: (revision?: Revision) => void;
}) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const publish = () => {
    setBusy(true);
    api
      .post<Revision>("/api/v1/policy/revisions")
      .then((revision) => props.onClose(revision))
      .catch((e) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <Dialog
      titleId="publish-title"
      title={`Publish revision ${props.next}?`}
      onCancel={() => props.onClose()}
      actions={
        <Button onClick={publish} isLoading={busy} isDisabled={busy} data-testid="confirm-publish">
          Publish
        </Button>
      }
    >
      <p>
        {props.changes} setting{props.changes === 1 ? "" : "s"} change. Every gateway decides by the new revision from
        its next decision on; you can roll back to an earlier revision later.
      </p>
      {props.impact ? (
        <p data-testid="publish-impact">{impactSummary(props.impact)}</p>
      ) : (
        <Alert
          variant="warning"
          isInline
          title="The impact of this draft has not been analysed"
          data-testid="publish-unanalysed"
          style={{ marginTop: "0.5rem" }}
        />
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
