import {
  Alert,
  Button,
  ClipboardCopy,
  ClipboardCopyVariant,
  Form,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  PageSection,
  TextInput,
  Title,
  ToolbarItem,
} from "@patternfly/react-core";
import { useState } from "react";
import { fieldErrors } from "../../shared/api";
import { tokenCommand, type Gateway, type GatewayCredential } from "./admin";
import { ErrorAlert, Field, useLoader } from "../../shared/components/common";
import { Loaded } from "../../shared/components/Loaded";
import { Dialog } from "../../shared/components/Dialog";
import { TextField } from "../../shared/components/TextField";
import { DataTable, RowActions } from "../../shared/components/DataTable";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";

type Confirming = { gateway: Gateway; action: "rotate" | "delete" };

/**
 * The tenant's gateway credentials (Keycloak clients). Tenant admins issue, rotate and revoke them;
 * auditors read the list. A secret lives only in this screen's memory, shown once.
 */
export function GatewaysPage() {
  const { api, user } = useApp();
  const { data, error, reload } = useLoader(() => api.get<Gateway[]>("/api/v1/gateways"), []);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [issued, setIssued] = useState<GatewayCredential | null>(null);
  const canManage = can(user.roles, "gateways:manage");
  const done = (credential?: GatewayCredential | null, changed = true) => {
    setCreating(false);
    setConfirming(null);
    if (credential) setIssued(credential);
    if (changed) reload();
  };
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Gateways</Title>
        <p>Each gateway signs in to Keycloak with its own client id and secret, then asks Portolan for decisions.</p>
      </PageSection>
      <PageSection>
        <Loaded data={data} error={error} errorTitle="The gateways could not be loaded">
          {(data) => (
            <DataTable
              label="Gateways"
              rows={data}
              rowKey={(g) => g.id}
              columns={[
                { title: "Id", value: (g) => g.id },
                { title: "Client id", value: (g) => g.clientId },
                { title: "Description", value: (g) => g.description },
                { title: "Issued", value: (g) => g.createdAt ?? "", render: (g) => formatInstant(g.createdAt) },
                { title: "Issued by", value: (g) => g.createdBy ?? "—" },
              ]}
              toolbar={
                canManage && (
                  <ToolbarItem>
                    <Button onClick={() => setCreating(true)} data-testid="add-gateway">
                      Issue a gateway credential
                    </Button>
                  </ToolbarItem>
                )
              }
              actions={
                canManage
                  ? (g) => (
                      <RowActions>
                        <Button
                          variant="link"
                          onClick={() => setConfirming({ gateway: g, action: "rotate" })}
                          aria-label={`Rotate secret of ${g.id}`}
                        >
                          Rotate secret
                        </Button>
                        <Button
                          variant="link"
                          isDanger
                          onClick={() => setConfirming({ gateway: g, action: "delete" })}
                          aria-label={`Revoke ${g.id}`}
                        >
                          Revoke
                        </Button>
                      </RowActions>
                    )
                  : undefined
              }
              empty={
                canManage
                  ? "Issue a credential for each gateway that asks Portolan for decisions; you copy its secret once, when it is issued."
                  : "A tenant admin issues gateway credentials."
              }
            />
          )}
        </Loaded>
      </PageSection>
      {creating && <IssueGateway onClose={done} />}
      {confirming && <ConfirmGateway {...confirming} onClose={done} />}
      {issued && <SecretOnce credential={issued} onClose={() => setIssued(null)} />}
    </>
  );
}

function IssueGateway({ onClose }: { onClose: (credential?: GatewayCredential | null, changed?: boolean) => void }) {
  const { api } = useApp();
  const [id, setId] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const issue = () => {
    setBusy(true);
    api
      .post<GatewayCredential>("/api/v1/gateways", { id, description })
      .then((credential) => onClose(credential))
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <Dialog
      titleId="gateway-form-title"
      title="Issue a gateway credential"
      onCancel={() => onClose(null, false)}
      actions={
        <Button type="submit" form="gateway-form" isLoading={busy} isDisabled={busy} data-testid="issue-gateway">
          Issue
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Form
        id="gateway-form"
        onSubmit={(e) => {
          e.preventDefault();
          issue();
        }}
      >
        <TextField
          label="Id"
          fieldId="gateway-id"
          error={errors.id}
          hint="Lower-case, at most 40 characters, such as eu-proxy"
          isRequired
          value={id}
          onChange={setId}
        />
        <Field
          label="Description"
          fieldId="gateway-description"
          error={errors.description}
          hint="Where it runs and who looks after it"
        >
          <TextInput id="gateway-description" value={description} onChange={(_e, v) => setDescription(v)} />
        </Field>
      </Form>
    </Dialog>
  );
}

function ConfirmGateway({
  gateway,
  action,
  onClose,
}: Confirming & { onClose: (credential?: GatewayCredential | null, changed?: boolean) => void }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>();
  const path = `/api/v1/gateways/${encodeURIComponent(gateway.id)}`;
  const confirm = () =>
    (action === "rotate" ? api.post<GatewayCredential>(`${path}/rotate-secret`) : api.delete(path).then(() => null))
      .then((credential) => onClose(credential))
      .catch(setError);
  return (
    <Dialog
      titleId="gateway-confirm-title"
      title={action === "rotate" ? `Rotate the secret of ${gateway.id}?` : `Revoke ${gateway.id}?`}
      onCancel={() => onClose(null, false)}
      actions={
        <Button variant="danger" onClick={confirm} data-testid={`confirm-${action}-gateway`}>
          {action === "rotate" ? "Rotate secret" : "Revoke"}
        </Button>
      }
    >
      <p>
        {action === "rotate"
          ? "The current secret stops working at once: the gateway is refused new tokens until it has the new secret."
          : "Its Keycloak client is removed: the gateway is refused new tokens at once. This cannot be undone; issue a new credential instead."}
      </p>
      <ErrorAlert error={error} />
    </Dialog>
  );
}

/** The secret, once: Portolan keeps no copy, so closing this dialog is the last chance to copy it. */
function SecretOnce({ credential, onClose }: { credential: GatewayCredential; onClose: () => void }) {
  return (
    <Modal isOpen variant="medium" onClose={onClose} aria-labelledby="gateway-secret-title">
      <ModalHeader title={`The secret of ${credential.gateway.id}`} labelId="gateway-secret-title" />
      <ModalBody>
        <Alert variant="warning" isInline title="Copy the secret now: it is shown only this once">
          Portolan does not keep it and cannot show it again. If it is lost, rotate the secret.
        </Alert>
        <Form onSubmit={(e) => e.preventDefault()} style={{ marginTop: "1rem" }}>
          <Field label="Client id" fieldId="gateway-client-id">
            <ClipboardCopy
              isReadOnly
              hoverTip="Copy"
              clickTip="Copied"
              textAriaLabel="Client id"
              data-testid="gateway-client-id"
            >
              {credential.gateway.clientId}
            </ClipboardCopy>
          </Field>
          <Field label="Client secret" fieldId="gateway-secret">
            <ClipboardCopy
              isReadOnly
              hoverTip="Copy"
              clickTip="Copied"
              textAriaLabel="Client secret"
              data-testid="gateway-secret"
            >
              {credential.clientSecret}
            </ClipboardCopy>
          </Field>
          <Field
            label="Token request"
            fieldId="gateway-command"
            hint="Run where the gateway runs; it answers with an access token"
          >
            <ClipboardCopy
              isReadOnly
              isCode
              variant={ClipboardCopyVariant.expansion}
              hoverTip="Copy"
              clickTip="Copied"
              textAriaLabel="Token request"
            >
              {tokenCommand(credential)}
            </ClipboardCopy>
          </Field>
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button onClick={onClose} data-testid="close-secret">
          I have copied it
        </Button>
      </ModalFooter>
    </Modal>
  );
}
