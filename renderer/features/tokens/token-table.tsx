import Table from '@mui/material/Table';
import { useTheme } from '@mui/material/styles';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { memo, useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { HoverHints } from '../../components/hover-hints';
import { useRowWindow } from '../../hooks/use-row-window';
import { TOKEN_COLUMNS } from './token-columns';
import { TokenHeaderCell } from './token-header-cell';
import { TokenRow } from './token-row';
import type { SortColumn, TokenSort } from './token-sort';
import { tokenTableSx } from './token-table-styles';

/** A row with one line of text; rows with wrapped chips are measured. */
const ESTIMATED_ROW_HEIGHT = 60;
/**
 * Lists this short are drawn whole: find-in-page, screen readers and tests then
 * see every row. Longer ones draw only what is on screen, plus a margin.
 */
const DRAW_WHOLE_BELOW = 100;
/**
 * Rows drawn beyond each edge. Each one costs layout and paint on every
 * scrolled frame; this is about half a screen, enough that keyboard and wheel
 * scrolling do not show blank space.
 */
const OVERSCAN = 6;

const CONTAINER_SX = {
  flex: 1,
  minHeight: 0,
  border: 1,
  borderColor: 'divider',
  borderRadius: 2,
  bgcolor: 'background.paper',
  '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
} as const;

export interface TokenTableProps {
  readonly tokens: readonly TokenView[];
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly now: Date;
  /** Opens a token's secret dialog; keep it stable, rows are memoised. */
  readonly onShowSecret: (token: TokenView) => void;
  /** The list's sort, shown on the headers; null is the registry's order. */
  readonly sort?: TokenSort | null;
  /** Sorts by a column when its header is clicked; keep it stable. */
  readonly onSort?: (column: SortColumn) => void;
}

/**
 * The token list as a real table whose body is virtualised: spacer rows above
 * and below stand in for the rows that are off screen, so every drawn row is a
 * true `<tr>` and the sticky header stays a header.
 *
 * Only the body (`TokenTableBody`) follows the scroll position: the container,
 * table and header are MUI components whose styles emotion serialises on every
 * render, which is too much to do on every scrolled frame.
 */
export function TokenTable(props: TokenTableProps) {
  const { tokens, accountsById, now, onShowSecret, sort = null, onSort } = props;
  const theme = useTheme();
  const tableSx = useMemo(() => tokenTableSx(theme), [theme]);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The body's window needs the scroller, whose ref React sets only after the
  // body's own layout effects ran (children commit first); the body is drawn
  // once it is there, still before the first paint.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScroller(element);
  }, []);

  return (
    <TableContainer
      ref={attachScroller}
      // Focusable so keyboard users can scroll the list (WCAG 2.1.1).
      tabIndex={0}
      role="region"
      aria-label="Token list"
      sx={CONTAINER_SX}
    >
      <Table
        stickyHeader
        size="small"
        aria-label="Tokens"
        aria-rowcount={tokens.length + 1}
        sx={tableSx}
      >
        <colgroup>
          {TOKEN_COLUMNS.map((column) => (
            <col key={column.id} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <TableHead>
          <TableRow aria-rowindex={1}>
            {TOKEN_COLUMNS.map((column) => (
              <TokenHeaderCell
                key={column.id}
                id={column.id}
                label={column.label}
                sort={sort}
                onSort={onSort}
              />
            ))}
          </TableRow>
        </TableHead>
        {scroller === null ? (
          <tbody />
        ) : (
          <TokenTableBody
            tokens={tokens}
            accountsById={accountsById}
            now={now}
            onShowSecret={onShowSecret}
            scrollRef={scrollRef}
          />
        )}
      </Table>
      <HoverHints containerRef={scrollRef} />
    </TableContainer>
  );
}

interface TokenTableBodyProps {
  readonly tokens: readonly TokenView[];
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly now: Date;
  readonly onShowSecret: (token: TokenView) => void;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
}

/**
 * The drawn rows and the spacers around them: the one part that renders again
 * as the list scrolls. A plain `<tbody>` (MUI's adds only a context no row
 * reads); rows are memoised, so a scrolled frame renders just the rows that
 * come into view.
 */
const TokenTableBody = memo(function TokenTableBody(props: TokenTableBodyProps) {
  const { tokens, accountsById, now, onShowSecret, scrollRef } = props;
  const rowKeys = useMemo(() => tokens.map((token) => token.key), [tokens]);
  const { items, spaceAbove, spaceBelow, measureRow } = useRowWindow({
    rowKeys,
    scrollRef,
    estimatedRowHeight: ESTIMATED_ROW_HEIGHT,
    overscan: tokens.length < DRAW_WHOLE_BELOW ? DRAW_WHOLE_BELOW : OVERSCAN,
  });

  return (
    <tbody>
      {spaceAbove > 0 && <SpacerRow height={spaceAbove} />}
      {items.map((item) => {
        const token = tokens[item.index];
        if (!token) return null;
        return (
          <TokenRow
            key={item.key}
            ref={measureRow}
            index={item.index}
            token={token}
            account={token.accountId === null ? undefined : accountsById.get(token.accountId)}
            now={now}
            onShowSecret={onShowSecret}
          />
        );
      })}
      {spaceBelow > 0 && <SpacerRow height={spaceBelow} />}
    </tbody>
  );
});

function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={TOKEN_COLUMNS.length} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
