import {
  EmptyState,
  EmptyStateBody,
  Pagination,
  SearchInput,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { useState, type ReactNode } from "react";
import { INITIAL_TABLE, tableView, type TableState } from "../table";

export interface Column<T> {
  title: string;
  /** What the column sorts and filters by. */
  value: (row: T) => string | number;
  /** What it shows; the value when absent. */
  render?: (row: T) => ReactNode;
}

/** A filterable, sortable, paged table over rows already loaded; `actions` renders a last cell. */
export function DataTable<T>(props: {
  label: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  toolbar?: ReactNode;
  actions?: (row: T) => ReactNode;
  empty: ReactNode;
  /** Column index and direction to sort by at first; the first column ascending by default. */
  initialSort?: { by: number; direction: "asc" | "desc" };
}) {
  const [state, setState] = useState<TableState>({
    ...INITIAL_TABLE,
    ...(props.initialSort && { sortBy: props.initialSort.by, direction: props.initialSort.direction }),
  });
  const cells = (row: T) => props.columns.map((c) => c.value(row));
  const view = tableView(props.rows, state, cells);
  const update = (change: Partial<TableState>) => setState((s) => ({ ...s, ...change }));

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <SearchInput
              aria-label={`Filter ${props.label.toLowerCase()}`}
              placeholder="Filter"
              value={state.filter}
              onChange={(_e, filter) => update({ filter, page: 1 })}
              onClear={() => update({ filter: "", page: 1 })}
            />
          </ToolbarItem>
          {props.toolbar}
          <ToolbarItem variant="pagination" align={{ default: "alignEnd" }}>
            <Pagination
              itemCount={view.matched}
              page={state.page}
              perPage={state.perPage}
              onSetPage={(_e, page) => update({ page })}
              onPerPageSelect={(_e, perPage) => update({ perPage, page: 1 })}
              isCompact
              titles={{ paginationAriaLabel: `${props.label} pages` }}
            />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      {props.rows.length === 0 ? (
        <EmptyState titleText={`No ${props.label.toLowerCase()} yet`} headingLevel="h2">
          <EmptyStateBody>{props.empty}</EmptyStateBody>
        </EmptyState>
      ) : (
        <Table aria-label={props.label} variant="compact">
          <Thead>
            <Tr>
              {props.columns.map((c, index) => (
                <Th
                  key={c.title}
                  modifier="wrap"
                  sort={{
                    sortBy: { index: state.sortBy, direction: state.direction },
                    onSort: (_e, sortBy, direction) => update({ sortBy, direction }),
                    columnIndex: index,
                  }}
                >
                  {c.title}
                </Th>
              ))}
              {props.actions && <Th screenReaderText="Actions" />}
            </Tr>
          </Thead>
          <Tbody>
            {view.rows.map((row) => (
              <Tr key={props.rowKey(row)} data-testid={`row-${props.rowKey(row)}`}>
                {props.columns.map((c) => (
                  <Td key={c.title} dataLabel={c.title}>
                    {c.render ? c.render(row) : c.value(row)}
                  </Td>
                ))}
                {props.actions && <Td isActionCell>{props.actions(row)}</Td>}
              </Tr>
            ))}
            {view.rows.length === 0 && (
              <Tr>
                <Td colSpan={props.columns.length + (props.actions ? 1 : 0)}>Nothing matches “{state.filter}”.</Td>
              </Tr>
            )}
          </Tbody>
        </Table>
      )}
    </>
  );
}

/** The buttons of a row's `actions` cell, at its right end. */
export function RowActions({ children }: { children: ReactNode }) {
  return <div style={{ display: "flex", justifyContent: "flex-end" }}>{children}</div>;
}
