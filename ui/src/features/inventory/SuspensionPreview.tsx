import { Alert, Spinner } from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { ErrorAlert, useLoader } from "../../shared/components/common";
import { useApp } from "../../shared/context";
import { suspensionSummary, type SuspensionImpact } from "./suspension";

/** What suspending a vendor or a model would do, fetched when the confirmation opens. */
export function SuspensionPreview({ path }: { path: string }) {
  const { api } = useApp();
  const { data, error, loading } = useLoader(() => api.get<SuspensionImpact>(path), [path]);
  if (loading) return <Spinner size="md" aria-label="Working out what the suspension would affect" />;
  if (error || !data) return <ErrorAlert error={error} title="The suspension's impact could not be worked out" />;
  return (
    <div data-testid="suspension-preview" style={{ margin: "0.75rem 0" }}>
      <Alert
        variant={data.approvals.length || data.decisions.allowToDeny ? "warning" : "info"}
        isInline
        title={suspensionSummary(data)}
        data-testid="suspension-summary"
      />
      {data.teams.length > 0 && (
        <Table aria-label="Teams affected" variant="compact" data-testid="suspension-teams">
          <Thead>
            <Tr>
              <Th>Team</Th>
              <Th>Approvals lost</Th>
              <Th>Best alternative</Th>
            </Tr>
          </Thead>
          <Tbody>
            {data.teams.map((t) => (
              <Tr key={t.team} data-testid={`suspension-team-${t.team}`}>
                <Td dataLabel="Team">{t.team}</Td>
                <Td dataLabel="Approvals lost">{t.approvals}</Td>
                <Td dataLabel="Best alternative">
                  {t.bestAlternative
                    ? `${t.bestAlternative.model} (${t.bestAlternative.vendor}, ${t.bestAlternative.jurisdiction})`
                    : "none"}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </div>
  );
}
