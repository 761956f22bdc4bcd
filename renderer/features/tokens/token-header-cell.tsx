import { pinClassOf } from './token-pins';
import { isSortColumn, type SortColumn, type TokenSort } from './token-sort';

export interface TokenHeaderCellProps {
  readonly id: string;
  readonly label: string;
  /** The list's sort; null is the registry's order. */
  readonly sort: TokenSort | null;
  /** Sorts by a column; without it the headers are plain text. */
  readonly onSort: ((column: SortColumn) => void) | undefined;
}

/** Material's ArrowDownward path (what MUI's sort label draws), for a plain `<svg>`. */
const SORT_ARROW_PATH = 'M20 12l-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8 8-8z';

/**
 * A column header: a sort button (with `aria-sort` on the header) for the
 * sortable columns, plain or visually hidden text for the others.
 *
 * Plain elements styled by the table's classes (token-table-styles.tsx), not
 * MUI's TableCell and TableSortLabel: those are a ButtonBase, an icon and
 * several emotion-styled parts per column, which made the header a large
 * share of the work of drawing the list when it arrives.
 */
export function TokenHeaderCell({ id, label, sort, onSort }: TokenHeaderCellProps) {
  if (id === 'actions') {
    return (
      <th scope="col" className="actions">
        <span className="visually-hidden">{label}</span>
      </th>
    );
  }
  const pin = pinClassOf(id);
  if (!onSort || !isSortColumn(id)) {
    return (
      <th scope="col" className={pin}>
        {label}
      </th>
    );
  }
  const active = sort?.column === id;
  const direction = active ? sort.direction : 'asc';
  return (
    <th
      scope="col"
      className={pin}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={active ? 'sort sort--active' : 'sort'}
        onClick={() => {
          onSort(id);
        }}
      >
        {label}
        <svg
          className={`sort-icon sort-icon--${direction}`}
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <path d={SORT_ARROW_PATH} />
        </svg>
      </button>
    </th>
  );
}
