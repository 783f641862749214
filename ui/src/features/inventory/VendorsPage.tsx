import { Button, Form, PageSection, Radio, TextArea, Title, ToolbarItem } from "@patternfly/react-core";
import { useState } from "react";
import { fieldErrors, loadAll } from "../../shared/api";
import { ErrorAlert, Field, StatusLabel, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { Dialog } from "../../shared/components/Dialog";
import { TextField } from "../../shared/components/TextField";
import { DataTable, RowActions } from "../../shared/components/DataTable";
import { CutOffFields } from "./CutOffFields";
import { SuspensionPreview } from "./SuspensionPreview";
import { useApp } from "../../shared/context";
import { cutOffBody, cutOffDate, describeCutOff } from "./cutoff";
import { can } from "../../shared/permissions";
import type { Vendor } from "../../shared/types";

/** Vendors with their jurisdiction; officers add, edit, suspend and reinstate them. */
export function VendorsPage() {
  const { api, user } = useApp();
  const { data, error, reload } = useLoader(() => loadAll<Vendor>(api, "/api/v1/vendors"), []);
  const [editing, setEditing] = useState<Vendor | "new" | null>(null);
  const [suspending, setSuspending] = useState<Vendor | null>(null);
  const canWrite = can(user.roles, "inventory:write");
  const done = (changed: boolean) => {
    setEditing(null);
    setSuspending(null);
    if (changed) reload();
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Vendors</Title>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The vendors could not be loaded">
          {(data) => (
            <DataTable
              label="Vendors"
              rows={data}
              rowKey={(v) => v.id}
              columns={[
                { title: "Name", value: (v) => v.name },
                { title: "Id", value: (v) => v.id },
                { title: "Jurisdiction", value: (v) => v.jurisdiction },
                {
                  title: "Status",
                  value: (v) => (v.suspended ? "suspended" : "active"),
                  render: (v) => (
                    <>
                      <StatusLabel status={v.suspended ? "suspended" : "active"} />{" "}
                      {v.suspended && v.suspensionScope === "vendor-operated" ? "(its own endpoints only) " : ""}
                      {v.suspensionReason}
                      {v.cutOffAt && (
                        <div data-testid={`cut-off-${v.id}`}>
                          {describeCutOff({ cutOffAt: v.cutOffAt, cutOffReason: v.cutOffReason ?? null })}
                        </div>
                      )}
                    </>
                  ),
                },
              ]}
              toolbar={
                canWrite && (
                  <ToolbarItem>
                    <Button onClick={() => setEditing("new")} data-testid="add-vendor">
                      Add vendor
                    </Button>
                  </ToolbarItem>
                )
              }
              actions={
                canWrite
                  ? (v) => (
                      <RowActions>
                        <Button variant="link" onClick={() => setEditing(v)} aria-label={`Edit ${v.name}`}>
                          Edit
                        </Button>
                        <Button
                          variant="link"
                          isDanger={!v.suspended}
                          onClick={() => setSuspending(v)}
                          data-testid={`toggle-suspend-${v.id}`}
                        >
                          {v.suspended ? "Reinstate" : "Suspend"}
                        </Button>
                      </RowActions>
                    )
                  : undefined
              }
              empty={
                canWrite
                  ? "Add the vendors whose models your teams may use."
                  : "An officer adds vendors to the inventory."
              }
            />
          )}
        </Loaded>
      </PageSection>
      {editing && <VendorForm vendor={editing === "new" ? null : editing} onClose={done} />}
      {suspending && <SuspendDialog vendor={suspending} onClose={done} />}
    </>
  );
}

function VendorForm({ vendor, onClose }: { vendor: Vendor | null; onClose: (changed: boolean) => void }) {
  const { api } = useApp();
  const [id, setId] = useState(vendor?.id ?? "");
  const [name, setName] = useState(vendor?.name ?? "");
  const [jurisdiction, setJurisdiction] = useState(vendor?.jurisdiction ?? "");
  const [cutOff, setCutOff] = useState(cutOffDate(vendor?.cutOffAt));
  const [cutOffReason, setCutOffReason] = useState(vendor?.cutOffReason ?? "");
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const save = () => {
    const body = {
      id,
      name,
      jurisdiction,
      suspended: vendor?.suspended ?? false,
      suspensionReason: vendor?.suspensionReason ?? null,
      ...cutOffBody(cutOff, cutOffReason, vendor?.cutOffAt),
    };
    (vendor ? api.put(`/api/v1/vendors/${encodeURIComponent(vendor.id)}`, body) : api.post("/api/v1/vendors", body))
      .then(() => onClose(true))
      .catch(setError);
  };
  return (
    <Dialog
      titleId="vendor-form-title"
      title={vendor ? `Edit ${vendor.name}` : "Add a vendor"}
      onCancel={() => onClose(false)}
      actions={
        <Button type="submit" form="vendor-form" data-testid="save-vendor">
          Save
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Form
        id="vendor-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <TextField
          label="Id"
          fieldId="vendor-id"
          error={errors.id}
          hint="Lower-case, such as mistral"
          isRequired
          value={id}
          isDisabled={!!vendor}
          onChange={setId}
        />
        <TextField label="Name" fieldId="vendor-name" error={errors.name} isRequired value={name} onChange={setName} />
        <TextField
          label="Jurisdiction"
          fieldId="vendor-jurisdiction"
          error={errors.jurisdiction}
          hint="ISO 3166 country code, such as FR"
          isRequired
          value={jurisdiction}
          onChange={setJurisdiction}
        />
        <CutOffFields
          idPrefix="vendor"
          date={cutOff}
          reason={cutOffReason}
          errors={errors}
          onDate={setCutOff}
          onReason={setCutOffReason}
        />
      </Form>
    </Dialog>
  );
}

/** Suspending cuts every gateway off the vendor's models at the next decision, so it asks first. */
function SuspendDialog({ vendor, onClose }: { vendor: Vendor; onClose: (changed: boolean) => void }) {
  const { api } = useApp();
  const suspend = !vendor.suspended;
  const [reason, setReason] = useState("");
  // What the suspension stops: everything (the kill switch), or only the endpoints the vendor operates.
  const [scope, setScope] = useState<"all" | "vendor-operated">("all");
  const [error, setError] = useState<unknown>();
  const errors = fieldErrors(error);
  const confirm = () =>
    api
      .put(`/api/v1/vendors/${encodeURIComponent(vendor.id)}`, {
        id: vendor.id,
        name: vendor.name,
        jurisdiction: vendor.jurisdiction,
        suspended: suspend,
        // The server requires the reason to suspend and clears it on reinstatement.
        suspensionReason: suspend ? reason : null,
        suspensionScope: suspend ? scope : null,
        // A PUT replaces the vendor: the announced cut-off stays as it was.
        cutOffAt: vendor.cutOffAt ?? null,
        cutOffReason: vendor.cutOffReason ?? null,
      })
      .then(() => onClose(true))
      .catch(setError);
  return (
    <Dialog
      titleId="suspend-title"
      title={suspend ? `Suspend ${vendor.name}?` : `Reinstate ${vendor.name}?`}
      variant={suspend ? "medium" : "small"}
      onCancel={() => onClose(false)}
      actions={
        <Button variant={suspend ? "danger" : "primary"} onClick={confirm} data-testid="confirm-suspend">
          {suspend ? "Suspend" : "Reinstate"}
        </Button>
      }
    >
      <p>
        {suspend
          ? "Every gateway is refused this vendor's models at its next decision."
          : "Decisions may allow this vendor's models again, where approvals exist."}
      </p>
      {suspend && (
        <Form onSubmit={(e) => e.preventDefault()}>
          <Field label="What it stops" fieldId="suspend-scope" error={errors.suspensionScope}>
            <Radio
              id="suspend-scope-all"
              name="suspend-scope"
              label="Everything: its models wherever they run, the tenant's own deployments included"
              isChecked={scope === "all"}
              onChange={() => setScope("all")}
              data-testid="suspend-scope-all"
            />
            <Radio
              id="suspend-scope-own"
              name="suspend-scope"
              label="Only the endpoints it operates: its weights on our own or another operator's deployments go on"
              isChecked={scope === "vendor-operated"}
              onChange={() => setScope("vendor-operated")}
              data-testid="suspend-scope-own"
            />
          </Field>
        </Form>
      )}
      {suspend && (
        <SuspensionPreview path={`/api/v1/vendors/${encodeURIComponent(vendor.id)}/suspension-impact?scope=${scope}`} />
      )}
      <ErrorAlert error={error} />
      {suspend && (
        <Form onSubmit={(e) => e.preventDefault()}>
          <Field
            label="Reason"
            fieldId="suspend-reason"
            error={errors.suspensionReason}
            hint="Shown with the vendor and kept in the audit trail"
            isRequired
          >
            <TextArea id="suspend-reason" value={reason} onChange={(_e, v) => setReason(v)} />
          </Field>
        </Form>
      )}
    </Dialog>
  );
}
