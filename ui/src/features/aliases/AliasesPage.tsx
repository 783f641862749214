import { Button, Label, PageSection, Title, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { aliasBody, candidateLabel, EMPTY_ROW, toAlias, type Alias } from "./aliases";
import { loadAll } from "../../shared/api";
import { AliasForm, CandidateList, type AliasFormValue } from "./AliasForm";
import { ErrorAlert, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { Dialog } from "../../shared/components/Dialog";
import { DataTable } from "../../shared/components/DataTable";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import type { Model } from "../../shared/types";

/**
 * Aliases: names gateways ask for instead of a model, resolved on each question to the first of
 * their candidates the team may use. Every role reads them; officers and tenant admins create them.
 */
export function AliasesPage() {
  const { api, user } = useApp();
  const { data, error } = useLoader(() => api.get<{ items: Alias[] }>("/api/v1/aliases").then((a) => a.items), []);
  const [creating, setCreating] = useState(false);
  const canWrite = can(user.roles, "aliases:write");
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Aliases</Title>
        <p>
          A gateway may ask for an alias instead of a model. Each decision resolves it to the first candidate the team
          may use for that question, so a suspended vendor or a missing approval moves calls to the next candidate at
          once.
        </p>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The aliases could not be loaded">
          {(data) => (
            <DataTable
              label="Aliases"
              rows={data}
              rowKey={(a) => a.id}
              columns={[
                { title: "Name", value: (a) => a.id, render: (a) => <Link to={toAlias(a.id)}>{a.id}</Link> },
                { title: "Description", value: (a) => a.description ?? "" },
                {
                  title: "Candidates",
                  value: (a) => a.candidates.map(candidateLabel).join(", "),
                  render: (a) => <CandidateList candidates={a.candidates} />,
                },
                {
                  title: "Draft",
                  value: (a) => a.draft?.draftedAt ?? "",
                  render: (a) =>
                    a.draft ? (
                      <Label color="orange">
                        drafted by {a.draft.draftedBy}, {formatInstant(a.draft.draftedAt)}
                      </Label>
                    ) : (
                      "none"
                    ),
                },
                { title: "Published", value: (a) => a.publishedAt, render: (a) => formatInstant(a.publishedAt) },
              ]}
              toolbar={
                canWrite && (
                  <ToolbarItem>
                    <Button onClick={() => setCreating(true)} data-testid="create-alias">
                      Create alias
                    </Button>
                  </ToolbarItem>
                )
              }
              empty={
                canWrite
                  ? "Create one, such as chat-default, listing the models it may resolve to in order of preference."
                  : "An officer or tenant admin creates aliases."
              }
            />
          )}
        </Loaded>
      </PageSection>
      {creating && <CreateAlias onClose={() => setCreating(false)} />}
    </>
  );
}

/** A new alias is published at once (no call can have asked for it yet); then its screen opens. */
function CreateAlias({ onClose }: { onClose: () => void }) {
  const { api } = useApp();
  const navigate = useNavigate();
  const models = useLoader(() => loadAll<Model>(api, "/api/v1/models"), []);
  const [form, setForm] = useState<AliasFormValue>({ id: "", description: "", rows: [EMPTY_ROW] });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = () => {
    setBusy(true);
    setError(undefined);
    api
      .post<Alias>("/api/v1/aliases", aliasBody(form))
      .then((alias) => navigate(toAlias(alias.id)))
      .catch((e) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <Dialog
      titleId="create-alias-title"
      title="Create an alias"
      variant="large"
      description="It is published at once: no call can have asked for it yet."
      onCancel={onClose}
      actions={
        <Button type="submit" form="alias-form" isLoading={busy} isDisabled={busy} data-testid="save-alias">
          Create
        </Button>
      }
    >
      <ErrorAlert error={models.error} title="The models could not be loaded" />
      <AliasForm
        formId="alias-form"
        value={form}
        models={models.data ?? []}
        error={error}
        errorTitle="The alias was not created"
        onChange={setForm}
        onSubmit={save}
      />
    </Dialog>
  );
}
