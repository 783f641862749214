import {
  Button,
  EmptyState,
  EmptyStateBody,
  Form,
  FormGroup,
  Label,
  FormSelect,
  FormSelectOption,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  TextArea,
  Title,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { loadAll, query, type Page } from "../../shared/api";
import { deploymentsLabel } from "./approvalDeployments";
import { DataTable } from "../../shared/components/DataTable";
import { ErrorAlert, Loading, StatusLabel, useLoader } from "../../shared/components/common";
import { Dialog } from "../../shared/components/Dialog";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { can } from "../../shared/permissions";
import { toApprovalRequest } from "../../shared/paths";
import type { Approval, ApprovalRequest } from "../../shared/types";

/** Requesters track their team's requests; officers work the queue and revoke approvals. */
export function ApprovalsPage() {
  const { user } = useApp();
  const [tab, setTab] = useState<string | number>("requests");
  const isOfficer = can(user.roles, "approvals:decide");
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{isOfficer ? "Approval queue" : "Approval requests"}</Title>
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, key) => setTab(key)} aria-label="Requests and approvals">
          <Tab eventKey="requests" title={<TabTitleText>Requests</TabTitleText>}>
            <RequestsTable defaultStatus={isOfficer ? "pending" : ""} />
          </Tab>
          <Tab eventKey="approvals" title={<TabTitleText>Active approvals</TabTitleText>}>
            <ApprovalsTable />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}

function RequestsTable({ defaultStatus }: { defaultStatus: string }) {
  const { api, user } = useApp();
  const navigate = useNavigate();
  const [status, setStatus] = useState(defaultStatus);
  const { data, error, loading } = useLoader(
    () => loadAll<ApprovalRequest>(api, `/api/v1/approval-requests${query({ status })}`),
    [status],
  );
  const canSubmit = can(user.roles, "approvals:submit");
  return (
    <>
      <ErrorAlert error={error} title="The requests could not be loaded" />
      {loading && !data && <Loading />}
      {data && (
        <DataTable
          label="Approval requests"
          rows={data}
          rowKey={(r) => r.id}
          columns={[
            {
              title: "Model",
              value: (r) => r.model,
              render: (r) => <Link to={toApprovalRequest(r.id)}>{r.model}</Link>,
            },
            { title: "Team", value: (r) => r.team },
            { title: "Purpose", value: (r) => r.purpose },
            { title: "Data up to", value: (r) => r.maxDataClassification },
            { title: "Regions", value: (r) => r.regions.join(", ") },
            { title: "Requester", value: (r) => r.requester },
            {
              title: "Status",
              value: (r) => r.status,
              render: (r) => (
                <>
                  <StatusLabel status={r.status} /> {r.highRisk && <Label color="purple">high risk</Label>}
                </>
              ),
            },
            { title: "Submitted", value: (r) => r.createdAt, render: (r) => formatInstant(r.createdAt) },
          ]}
          toolbar={
            <>
              <ToolbarItem>
                <FormSelect
                  aria-label="Status"
                  value={status}
                  onChange={(_e, v) => setStatus(v)}
                  data-testid="status-filter"
                >
                  <FormSelectOption value="" label="All statuses" />
                  {["pending", "approved", "rejected", "withdrawn"].map((s) => (
                    <FormSelectOption key={s} value={s} label={s} />
                  ))}
                </FormSelect>
              </ToolbarItem>
              {canSubmit && (
                <ToolbarItem>
                  <Button onClick={() => navigate("/approvals/new")} data-testid="new-request">
                    New request
                  </Button>
                </ToolbarItem>
              )}
            </>
          }
          initialSort={{ by: 7, direction: "desc" }} // newest first
          empty={canSubmit ? "Ask for a model your team needs with New request." : "Nothing matches this filter."}
        />
      )}
    </>
  );
}

function ApprovalsTable() {
  const { api, user } = useApp();
  const { data, error, loading, reload } = useLoader(
    () => api.get<Page<Approval>>(`/api/v1/approvals${query({ size: 200 })}`),
    [],
  );
  const [revoking, setRevoking] = useState<Approval | null>(null);
  const active = data?.items.filter((a) => !a.revokedAt) ?? [];
  return (
    <>
      <ErrorAlert error={error} title="The approvals could not be loaded" />
      {loading && !data && <Loading />}
      {data && active.length === 0 && (
        <EmptyState titleText="No active approvals" headingLevel="h2">
          <EmptyStateBody>Approvals appear here once an officer approves a request.</EmptyStateBody>
        </EmptyState>
      )}
      {active.length > 0 && (
        <Table aria-label="Active approvals" variant="compact" data-testid="approvals-table">
          <Thead>
            <Tr>
              <Th>Model</Th>
              <Th>Team</Th>
              <Th>Purpose</Th>
              <Th>Data up to</Th>
              <Th>Regions</Th>
              <Th>Deployments</Th>
              <Th>Expires</Th>
              <Th>Approved by</Th>
              {can(user.roles, "approvals:revoke") && <Th screenReaderText="Actions" />}
            </Tr>
          </Thead>
          <Tbody>
            {active.map((a) => (
              <Tr key={a.id}>
                <Td dataLabel="Model">{a.model}</Td>
                <Td dataLabel="Team">{a.team}</Td>
                <Td dataLabel="Purpose">{a.purpose}</Td>
                <Td dataLabel="Data up to">{a.maxDataClassification}</Td>
                <Td dataLabel="Regions">{a.regions.length ? a.regions.join(", ") : "any allowed"}</Td>
                <Td dataLabel="Deployments">{deploymentsLabel(a.deployments, "Any")}</Td>
                <Td dataLabel="Expires">{formatInstant(a.expiresAt)}</Td>
                <Td dataLabel="Approved by">{a.approvedBy.join(", ")}</Td>
                {can(user.roles, "approvals:revoke") && (
                  <Td isActionCell>
                    <Button
                      variant="link"
                      isDanger
                      onClick={() => setRevoking(a)}
                      aria-label={`Revoke ${a.team} ${a.model} ${a.purpose}`}
                    >
                      Revoke
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      {revoking && (
        <RevokeDialog
          approval={revoking}
          onClose={(changed) => {
            setRevoking(null);
            if (changed) reload();
          }}
        />
      )}
    </>
  );
}

function RevokeDialog({ approval, onClose }: { approval: Approval; onClose: (changed: boolean) => void }) {
  const { api } = useApp();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>();
  const revoke = () =>
    api
      .post(`/api/v1/approvals/${approval.id}/revoke`, { reason })
      .then(() => onClose(true))
      .catch(setError);
  return (
    <Dialog
      titleId="revoke-title"
      title="Revoke this approval?"
      onCancel={() => onClose(false)}
      actions={
        <Button variant="danger" onClick={revoke} data-testid="confirm-revoke">
          Revoke
        </Button>
      }
    >
      <p>
        Team {approval.team} loses {approval.model} for {approval.purpose} at its next decision.
      </p>
      <ErrorAlert error={error} />
      <Form onSubmit={(e) => e.preventDefault()}>
        <FormGroup label="Reason" fieldId="revoke-reason" isRequired>
          <TextArea id="revoke-reason" value={reason} onChange={(_e, v) => setReason(v)} />
        </FormGroup>
      </Form>
    </Dialog>
  );
}
