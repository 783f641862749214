import { Button, Form, FormSelect, FormSelectOption, PageSection, Title, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { fieldErrors, loadAll } from "../../shared/api";
import { TASK_TIERS, teamBody, type TeamView } from "./admin";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { Dialog } from "../../shared/components/Dialog";
import { TextField } from "../../shared/components/TextField";
import { DataTable, RowActions } from "../../shared/components/DataTable";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";

/** Tenant admins keep the teams that ask for models: create, rename, set the default task tier, delete. */
export function TeamsPage() {
  const { api } = useApp();
  const { data, error, reload } = useLoader(() => loadAll<TeamView>(api, "/api/v1/teams"), []);
  const [editing, setEditing] = useState<TeamView | "new" | null>(null);
  const [deleting, setDeleting] = useState<TeamView | null>(null);
  const done = (changed: boolean) => {
    setEditing(null);
    setDeleting(null);
    if (changed) reload();
  };
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Teams</Title>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The teams could not be loaded">
          {(data) => (
            <DataTable
              label="Teams"
              rows={data}
              rowKey={(t) => t.id}
              columns={[
                { title: "Name", value: (t) => t.name },
                { title: "Id", value: (t) => t.id },
                { title: "Default task tier", value: (t) => t.defaultTaskTier },
                { title: "Created", value: (t) => t.createdAt, render: (t) => formatInstant(t.createdAt) },
              ]}
              toolbar={
                <ToolbarItem>
                  <Button onClick={() => setEditing("new")} data-testid="add-team">
                    Add team
                  </Button>
                </ToolbarItem>
              }
              actions={(t) => (
                <RowActions>
                  <Button variant="link" onClick={() => setEditing(t)} aria-label={`Edit ${t.name}`}>
                    Edit
                  </Button>
                  <Button variant="link" isDanger onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>
                    Delete
                  </Button>
                </RowActions>
              )}
              empty="Add the teams that use models: requesters ask for approvals on behalf of a team, and gateways name the team in every decision."
            />
          )}
        </Loaded>
      </PageSection>
      {editing && <TeamForm team={editing === "new" ? null : editing} onClose={done} />}
      {deleting && <DeleteTeam team={deleting} onClose={done} />}
    </>
  );
}

function TeamForm({ team, onClose }: { team: TeamView | null; onClose: (changed: boolean) => void }) {
  const { api } = useApp();
  const [form, setForm] = useState({
    id: team?.id ?? "",
    name: team?.name ?? "",
    defaultTaskTier: team?.defaultTaskTier ?? "",
  });
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const save = () => {
    const body = teamBody(form);
    (team ? api.put(`/api/v1/teams/${encodeURIComponent(team.id)}`, body) : api.post("/api/v1/teams", body))
      .then(() => onClose(true))
      .catch(setError);
  };
  return (
    <Dialog
      titleId="team-form-title"
      title={team ? `Edit ${team.name}` : "Add a team"}
      onCancel={() => onClose(false)}
      actions={
        <Button type="submit" form="team-form" data-testid="save-team">
          Save
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Form
        id="team-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextField
          label="Id"
          fieldId="team-id"
          error={errors.id}
          hint="Lower-case, such as research; gateways send it"
          isRequired
          value={form.id}
          isDisabled={!!team}
          onChange={(v) => setForm({ ...form, id: v })}
        />
        <TextField
          label="Name"
          fieldId="team-name"
          error={errors.name}
          isRequired
          value={form.name}
          onChange={(v) => setForm({ ...form, name: v })}
        />
        <Field
          label="Default task tier"
          fieldId="team-tier"
          error={errors.defaultTaskTier}
          hint="For decisions that name no tier"
        >
          <FormSelect
            id="team-tier"
            value={form.defaultTaskTier}
            onChange={(_e, v) => setForm({ ...form, defaultTaskTier: v })}
          >
            <FormSelectOption value="" label="standard (the default)" />
            {TASK_TIERS.map((t) => (
              <FormSelectOption key={t} value={t} label={t} />
            ))}
          </FormSelect>
        </Field>
      </Form>
    </Dialog>
  );
}

function DeleteTeam({ team, onClose }: { team: TeamView; onClose: (changed: boolean) => void }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const confirm = () =>
    api
      .delete(`/api/v1/teams/${encodeURIComponent(team.id)}`)
      .then(() => onClose(true))
      .catch(setError);
  return (
    <Dialog
      titleId="delete-team-title"
      title={`Delete ${team.name}?`}
      onCancel={() => onClose(false)}
      actions={
        <Button variant="danger" onClick={confirm} data-testid="confirm-delete-team">
          Delete
        </Button>
      }
    >
      <p>
        Gateways naming the team “{team.id}” are refused from their next decision. Approvals stay in the audit trail.
      </p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
