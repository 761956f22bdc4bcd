import TableCell from '@mui/material/TableCell';
import TableSortLabel from '@mui/material/TableSortLabel';
import { isSortColumn, type SortColumn, type TokenSort } from './token-sort';

export interface TokenHeaderCellProps {
  readonly id: string;
  readonly label: string;
  /** The list's sort; null is the registry's order. */
  readonly sort: TokenSort | null;
  /** Sorts by a column; without it the headers are plain text. */
  readonly onSort: ((column: SortColumn) => void) | undefined;
}

/**
 * A column header: a sort button (with `aria-sort` on the header) for the
 * sortable columns, plain or visually hidden text for the others.
 */
export function TokenHeaderCell({ id, label, sort, onSort }: TokenHeaderCellProps) {
  if (id === 'actions') {
    return (
      <TableCell className="actions">
        <span className="visually-hidden">{label}</span>
      </TableCell>
    );
  }
  if (!onSort || !isSortColumn(id)) return <TableCell>{label}</TableCell>;
  const active = sort?.column === id;
  const direction = active ? sort.direction : 'asc';
  return (
    <TableCell
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
      sortDirection={active ? direction : false}
    >
      <TableSortLabel
        active={active}
        direction={direction}
        onClick={() => {
          onSort(id);
        }}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );
}
