import { PINNED_COLUMNS } from './token-columns';

/** The class of a pinned column's cells (token-table-styles.tsx), or undefined. */
export function pinClassOf(id: string): string | undefined {
  return PINNED_COLUMNS.some((column) => column.id === id) ? `pin pin--${id}` : undefined;
}
