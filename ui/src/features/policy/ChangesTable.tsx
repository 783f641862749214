import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { SettingChange } from "./policy";

/** Settings that differ between two versions, one row each. */
export function ChangesTable(props: {
  label: string;
  changes: SettingChange[];
  before: string;
  after: string;
  testId?: string;
}) {
  return (
    <Table aria-label={props.label} variant="compact" data-testid={props.testId}>
      <Thead>
        <Tr>
          <Th>Setting</Th>
          <Th>{props.before}</Th>
          <Th>{props.after}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {props.changes.map((c) => (
          <Tr key={c.key} data-testid={`change-${c.key}`}>
            <Td dataLabel="Setting">{c.label}</Td>
            <Td dataLabel={props.before}>{c.before}</Td>
            <Td dataLabel={props.after}>
              <strong>{c.after}</strong>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
