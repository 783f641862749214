import { Alert, Button, EmptyState, EmptyStateBody, Label } from "@patternfly/react-core";
import { ExpandableRowContent, Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState } from "react";
import { ChangesTable } from "./ChangesTable";
import { ErrorAlert } from "../../shared/components/common";
import { Dialog } from "../../shared/components/Dialog";
import { useApp } from "../../shared/context";
import { formatInstant } from "../../shared/format";
import { diffSettings, type Revision } from "./policy";

interface Props {
  /** Newest first, as the API lists them. */
  revisions: Revision[];
  canRollBack: boolean;
  /** The saved draft has changes that a rollback would replace. */
  draftDiffers: boolean;
  onRolledBack: (revision: Revision) => void;
}

/** Every published revision with what it changed; officers roll back to an earlier one. */
export function RevisionsTable({ revisions, canRollBack, draftDiffers, onRolledBack }: Props) {
  const [expanded, setExpanded] = useState<number | null>(null);
  const [target, setTarget] = useState<Revision | null>(null);
  if (revisions.length === 0) {
    return (
      <EmptyState titleText="No revision published yet" headingLevel="h2" data-testid="no-revisions">
        <EmptyStateBody>
          {canRollBack
            ? "Edit the settings on the Draft tab, save the draft, analyse its impact and publish it: it becomes revision 1."
            : "A compliance officer publishes the draft; each publish appears here as a revision."}
        </EmptyStateBody>
      </EmptyState>
    );
  }
  const latest = revisions[0];
  const columns = 6 + (canRollBack ? 1 : 0);
  return (
    <>
      <Table aria-label="Published revisions" variant="compact" data-testid="revisions">
        <Thead>
          <Tr>
            <Th screenReaderText="Show changes" />
            <Th>Revision</Th>
            <Th>Published</Th>
            <Th>By</Th>
            <Th>Hash</Th>
            <Th>Note</Th>
            {canRollBack && <Th screenReaderText="Actions" />}
          </Tr>
        </Thead>
        {revisions.map((r, index) => {
          const previous = revisions[index + 1] ?? null;
          const isOpen = expanded === r.number;
          return (
            <Tbody key={r.number} isExpanded={isOpen}>
              <Tr data-testid={`revision-${r.number}`}>
                <Td
                  expand={{
                    rowIndex: index,
                    isExpanded: isOpen,
                    onToggle: () => setExpanded(isOpen ? null : r.number),
                    expandId: `revision-${r.number}-changes`,
                  }}
                />
                <Td dataLabel="Revision">
                  {r.number} {r === latest && <Label color="green">in force</Label>}
                </Td>
                <Td dataLabel="Published">{formatInstant(r.publishedAt)}</Td>
                <Td dataLabel="By">{r.publishedBy}</Td>
                <Td dataLabel="Hash">
                  <code title={r.hash}>{r.hash.slice(0, 12)}</code>
                </Td>
                <Td dataLabel="Note">{r.rolledBackTo ? `Rollback to revision ${r.rolledBackTo}` : ""}</Td>
                {canRollBack && (
                  <Td isActionCell>
                    {r !== latest && (
                      <Button variant="link" isDanger onClick={() => setTarget(r)} data-testid={`rollback-${r.number}`}>
                        Roll back to this
                      </Button>
                    )}
                  </Td>
                )}
              </Tr>
              <Tr isExpanded={isOpen}>
                <Td colSpan={columns}>
                  <ExpandableRowContent>
                    {isOpen && <RevisionChanges before={previous} after={r} />}
                  </ExpandableRowContent>
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
      {target && (
        <RollbackDialog
          target={target}
          latest={latest}
          draftDiffers={draftDiffers}
          onClose={(revision) => {
            setTarget(null);
            if (revision) onRolledBack(revision);
          }}
        />
      )}
    </>
  );
}

function RevisionChanges({ before, after }: { before: Revision | null; after: Revision }) {
  const changes = diffSettings(before?.settings ?? null, after.settings);
  if (changes.length === 0) return <p>Same settings as revision {before?.number}.</p>;
  return (
    <ChangesTable
      label={`Changes in revision ${after.number}`}
      changes={changes}
      before={before ? `Revision ${before.number}` : "Nothing published"}
      after={`Revision ${after.number}`}
      testId={`changes-of-revision-${after.number}`}
    />
  );
}

/** Rolling back changes what every gateway decides, so it shows what changes and asks first. */
function RollbackDialog(props: {
  target: Revision;
  latest: Revision;
  draftDiffers: boolean;
  onClose: (revision?: Revision) => void;
}) {
  const { api } = useApp();
  const { target, latest } = props;
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const changes = diffSettings(latest.settings, target.settings);
  const rollBack = () => {
    setBusy(true);
    api
      .post<Revision>(`/api/v1/policy/revisions/${target.number}/rollback`)
      .then((revision) => props.onClose(revision))
      .catch((e) => {
        setError(e);
        setBusy(false);
      });
  };
  return (
    <Dialog
      titleId="rollback-title"
      title={`Roll back to revision ${target.number}?`}
      variant="medium"
      onCancel={() => props.onClose()}
      actions={
        <Button variant="danger" onClick={rollBack} isLoading={busy} isDisabled={busy} data-testid="confirm-rollback">
          Roll back
        </Button>
      }
    >
      <p>
        Revision {target.number}'s settings are published again as revision {latest.number + 1}, and every gateway
        decides by them from its next decision on. The draft is replaced by them too.
      </p>
      {props.draftDiffers && (
        <Alert
          variant="warning"
          isInline
          title="The draft's unpublished changes will be lost"
          style={{ marginTop: "0.5rem" }}
        />
      )}
      {changes.length === 0 ? (
        <p style={{ marginTop: "0.5rem" }}>Its settings are the same as revision {latest.number}'s.</p>
      ) : (
        <ChangesTable
          label="What the rollback changes"
          changes={changes}
          before={`Revision ${latest.number} (in force)`}
          after={`Revision ${target.number}`}
          testId="rollback-changes"
        />
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
