import {
  ActionGroup,
  Button,
  Checkbox,
  Form,
  FormSelect,
  FormSelectOption,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  TextInput,
  Title,
} from "@patternfly/react-core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { fieldErrors, loadAll } from "../../shared/api";
import { ErrorAlert, Field, Loading, useLoader } from "../../shared/components/common";
import { TextField } from "../../shared/components/TextField";
import { CutOffFields } from "./CutOffFields";
import { SuspensionPreview } from "./SuspensionPreview";
import { useApp } from "../../shared/context";
import { cutOffBody, cutOffDate } from "./cutoff";
import { splitList } from "../../shared/format";
import { toModel } from "../../shared/paths";
import type { Model, Vendor } from "../../shared/types";

const EMPTY: Model = {
  id: "",
  displayName: "",
  vendor: "",
  hostingRegions: [],
  openWeights: false,
  selfHostable: false,
  licence: "",
  capabilities: [],
  costTier: "medium",
  status: "proposed",
};

/** Creates a model, or edits one at /inventory/models/:id/edit; the server's field errors show on the fields. */
export function ModelFormPage() {
  const { id } = useParams();
  const { api } = useApp();
  const navigate = useNavigate();
  const vendors = useLoader(() => loadAll<Vendor>(api, "/api/v1/vendors"), []);
  const existing = useLoader(
    () => (id ? api.get<Model>(`/api/v1/models/${encodeURIComponent(id)}`) : Promise.resolve(EMPTY)),
    [id],
  );
  const [model, setModel] = useState<Model | null>(null);
  const [regions, setRegions] = useState("");
  const [capabilities, setCapabilities] = useState("");
  const [cutOff, setCutOff] = useState("");
  const [cutOffReason, setCutOffReason] = useState("");
  const [error, setError] = useState<unknown>();
  const [confirmingSuspension, setConfirmingSuspension] = useState(false);
  const errors = fieldErrors(error);

  // The form starts from each model loaded (React's "adjusting state when a prop changes").
  const [formFrom, setFormFrom] = useState<Model>();
  if (existing.data && existing.data !== formFrom) {
    setFormFrom(existing.data);
    setModel(existing.data);
    setRegions(existing.data.hostingRegions.join(", "));
    setCapabilities(existing.data.capabilities.join(", "));
    setCutOff(cutOffDate(existing.data.cutOffAt));
    setCutOffReason(existing.data.cutOffReason ?? "");
  }

  if (existing.error)
    return (
      <PageSection>
        <ErrorAlert error={existing.error} />
      </PageSection>
    );
  if (!model)
    return (
      <PageSection>
        <Loading />
      </PageSection>
    );
  const set = (change: Partial<Model>) => setModel({ ...model, ...change });

  // Suspending cuts every gateway off the model at its next decision: show what that does first.
  const suspending = !!id && model.status === "suspended" && existing.data?.status !== "suspended";
  const save = () => (suspending && !confirmingSuspension ? setConfirmingSuspension(true) : write());

  const write = () => {
    setConfirmingSuspension(false);
    // Only the writable fields: the API refuses unknown ones such as createdAt.
    const { id: modelId, displayName, vendor, openWeights, selfHostable, licence, costTier, status } = model;
    const body = {
      id: modelId,
      displayName,
      vendor,
      openWeights,
      selfHostable,
      costTier,
      status,
      licence: licence || null,
      hostingRegions: splitList(regions),
      capabilities: splitList(capabilities),
      ...cutOffBody(cutOff, cutOffReason, existing.data?.cutOffAt),
    };
    (id ? api.put<Model>(`/api/v1/models/${encodeURIComponent(id)}`, body) : api.post<Model>("/api/v1/models", body))
      .then((saved) => navigate(toModel(saved.id)))
      .catch(setError);
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{id ? `Edit ${model.displayName}` : "Add a model"}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={error ?? vendors.error} />
        <Form
          maxWidth="40rem"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <TextField
            label="Id"
            fieldId="model-id"
            error={errors.id}
            hint="Lower-case, such as llama-3.3-70b"
            isRequired
            value={model.id}
            isDisabled={!!id}
            onChange={(v) => set({ id: v })}
          />
          <TextField
            label="Display name"
            fieldId="model-name"
            error={errors.displayName}
            isRequired
            value={model.displayName}
            onChange={(v) => set({ displayName: v })}
          />
          <Field label="Vendor" fieldId="model-vendor" error={errors.vendor} isRequired>
            <FormSelect
              id="model-vendor"
              value={model.vendor}
              onChange={(_e, v) => set({ vendor: v })}
              validated={errors.vendor ? "error" : "default"}
            >
              <FormSelectOption value="" label="Choose a vendor" />
              {(vendors.data ?? []).map((v) => (
                <FormSelectOption key={v.id} value={v.id} label={`${v.name} (${v.jurisdiction})`} />
              ))}
            </FormSelect>
          </Field>
          <TextField
            label="Hosting regions"
            fieldId="model-regions"
            error={errors.hostingRegions}
            hint="Region codes separated by commas: eu, uk, us, cn, apac"
            value={regions}
            onChange={setRegions}
          />
          <TextField
            label="Capabilities"
            fieldId="model-capabilities"
            error={errors.capabilities}
            hint="Such as chat, code, vision"
            value={capabilities}
            onChange={setCapabilities}
          />
          <Field label="Licence" fieldId="model-licence" error={errors.licence}>
            <TextInput id="model-licence" value={model.licence ?? ""} onChange={(_e, v) => set({ licence: v })} />
          </Field>
          <Checkbox
            id="model-open-weights"
            label="Open weights"
            isChecked={model.openWeights}
            onChange={(_e, v) => set({ openWeights: v })}
          />
          <Checkbox
            id="model-self-hostable"
            label="Self-hostable"
            isChecked={model.selfHostable}
            onChange={(_e, v) => set({ selfHostable: v })}
          />
          <Field label="Cost tier" fieldId="model-cost" error={errors.costTier}>
            <FormSelect id="model-cost" value={model.costTier} onChange={(_e, v) => set({ costTier: v })}>
              {["low", "medium", "high"].map((c) => (
                <FormSelectOption key={c} value={c} label={c} />
              ))}
            </FormSelect>
          </Field>
          <Field label="Status" fieldId="model-status" error={errors.status}>
            <FormSelect id="model-status" value={model.status} onChange={(_e, v) => set({ status: v })}>
              {["proposed", "approved", "restricted", "suspended", "retired"].map((s) => (
                <FormSelectOption key={s} value={s} label={s} />
              ))}
            </FormSelect>
          </Field>
          <CutOffFields
            idPrefix="model"
            date={cutOff}
            reason={cutOffReason}
            errors={errors}
            onDate={setCutOff}
            onReason={setCutOffReason}
          />
          <ActionGroup>
            <Button type="submit" data-testid="save-model">
              Save
            </Button>
            <Button variant="link" onClick={() => navigate(id ? toModel(id) : "/inventory/models")}>
              Cancel
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
      {confirmingSuspension && id && (
        <Modal
          isOpen
          variant="medium"
          onClose={() => setConfirmingSuspension(false)}
          aria-labelledby="suspend-model-title"
        >
          <ModalHeader title={`Suspend ${model.displayName}?`} labelId="suspend-model-title" />
          <ModalBody>
            <p>Every gateway is refused this model at its next decision.</p>
            <SuspensionPreview path={`/api/v1/models/${encodeURIComponent(id)}/suspension-impact`} />
          </ModalBody>
          <ModalFooter>
            <Button variant="danger" onClick={write} data-testid="confirm-suspend-model">
              Suspend
            </Button>
            <Button variant="link" onClick={() => setConfirmingSuspension(false)}>
              Cancel
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </>
  );
}
