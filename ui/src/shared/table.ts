/** Filtering, sorting and paging of a loaded list; pure, so Vitest covers it. */
export interface TableState {
  filter: string;
  sortBy: number; // column index
  direction: "asc" | "desc";
  page: number; // from 1, as PatternFly's Pagination counts
  perPage: number;
}

export const INITIAL_TABLE: TableState = { filter: "", sortBy: 0, direction: "asc", page: 1, perPage: 20 };

/**
 * `cells(row)` gives each column's sortable text or number; the filter matches any cell, case
 * insensitive. Returns the rows of the current page and how many rows matched.
 */
export function tableView<T>(
  rows: T[],
  state: TableState,
  cells: (row: T) => (string | number)[],
): { rows: T[]; matched: number } {
  const needle = state.filter.trim().toLowerCase();
  const matching = needle ? rows.filter((r) => cells(r).some((c) => String(c).toLowerCase().includes(needle))) : rows;
  const sign = state.direction === "asc" ? 1 : -1;
  const sorted = [...matching].sort((a, b) => sign * compare(cells(a)[state.sortBy], cells(b)[state.sortBy]));
  const lastPage = Math.max(1, Math.ceil(sorted.length / state.perPage));
  const page = Math.min(Math.max(1, state.page), lastPage);
  return { rows: sorted.slice((page - 1) * state.perPage, page * state.perPage), matched: sorted.length };
}

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a ?? "").localeCompare(String(b ?? ""), undefined, { numeric: true, sensitivity: "base" });
}
