import { Button } from "@patternfly/react-core";
import { Td } from "@patternfly/react-table";

/** The last cell of a budget or price row, for those who may change them. */
export function DeleteCell({ label, onDelete }: { label: string; onDelete: () => void }) {
  return (
    <Td>
      <Button variant="link" isDanger onClick={onDelete} aria-label={label}>
        Delete
      </Button>
    </Td>
  );
}
