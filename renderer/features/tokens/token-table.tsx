import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { HoverHints } from '../../components/hover-hints';
import {
  useFixedRowWindow,
  useScrollTracker,
  type ScrollTracker,
} from '../../hooks/use-fixed-row-window';
import { createCrateMatches } from './crate-cover';
import { TOKEN_COLUMNS } from './token-columns';
import { TokenHeaderCell } from './token-header-cell';
import { TokenRow } from './token-row';
import { ROW_HEIGHT } from './token-row-layout';
import { TargetRowStyles, targetRowSelector } from './target-row-styles';
import type { SortColumn, TokenSort } from './token-sort';
import { TOKEN_LIST_CLASS, TOKEN_TABLE_CLASS } from './token-table-styles';

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

const COLUMNS = (
  <colgroup>
    {TOKEN_COLUMNS.map((column) => (
      <col key={column.id} style={column.width ? { width: column.width } : undefined} />
    ))}
  </colgroup>
);

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
  /** A token to scroll to, highlight and focus; a new `id` asks again. */
  readonly target?: TableTarget | null;
  /** The crate the search names, if it could be one: rows whose patterns cover it say so. */
  readonly crateName?: string | null;
}

/** The token a notification or the banner pointed at. */
export interface TableTarget {
  readonly key: string;
  readonly id: number;
}

/**
 * The token list as a real table whose body is virtualised: spacer rows above
 * and below stand in for the rows that are off screen, so every drawn row is a
 * true `<tr>` and the sticky header stays a header. Rows all have one height,
 * so which rows to draw is arithmetic on the scroll position.
 *
 * Plain elements styled by class from the page's TokenTableStyles, which the
 * page mounts while the list is on its way: when it arrives, only the table
 * itself is drawn. This renders again when the rows change (a search, say);
 * the header and hover hints are memoised, so that costs little beyond the
 * rows.
 */
export const TokenTable = memo(function TokenTable(props: TokenTableProps) {
  const { tokens, accountsById, now, onShowSecret, sort = null, onSort, target = null } = props;
  const crateName = props.crateName ?? null;
  const tracker = useScrollTracker(ROW_HEIGHT);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const targetIndex = target === null ? -1 : tokens.findIndex((token) => token.key === target.key);
  useScrollToTarget(scrollRef, targetIndex, target?.id ?? null);
  const attachScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scrollRef.current = element;
      tracker.attach(element);
    },
    [tracker],
  );
  // The same element each time, so React skips it when the rows change.
  const hints = useMemo(() => <HoverHints containerRef={scrollRef} />, []);

  return (
    <div
      ref={attachScroller}
      // Focusable so keyboard users can scroll the list (WCAG 2.1.1).
      tabIndex={0}
      role="region"
      aria-label="Token list"
      className={TOKEN_LIST_CLASS}
    >
      <table aria-label="Tokens" aria-rowcount={tokens.length + 1} className={TOKEN_TABLE_CLASS}>
        {COLUMNS}
        <TokenTableHead sort={sort} onSort={onSort} />
        <TokenTableBody
          tokens={tokens}
          accountsById={accountsById}
          now={now}
          onShowSecret={onShowSecret}
          tracker={tracker}
          crateName={crateName}
        />
      </table>
      {hints}
      {targetIndex >= 0 && <TargetRowStyles index={targetIndex} />}
    </div>
  );
});

/** The header row, drawn again only when the sort changes. */
const TokenTableHead = memo(function TokenTableHead(props: {
  readonly sort: TokenSort | null;
  readonly onSort: ((column: SortColumn) => void) | undefined;
}) {
  const { sort, onSort } = props;
  return (
    <thead>
      <tr aria-rowindex={1}>
        {TOKEN_COLUMNS.map((column) => (
          <TokenHeaderCell
            key={column.id}
            id={column.id}
            label={column.label}
            sort={sort}
            onSort={onSort}
          />
        ))}
      </tr>
    </thead>
  );
});

interface TokenTableBodyProps {
  readonly tokens: readonly TokenView[];
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly now: Date;
  readonly onShowSecret: (token: TokenView) => void;
  readonly tracker: ScrollTracker;
  readonly crateName: string | null;
}

/**
 * The drawn rows and the spacers around them: the one part that renders again
 * as the list scrolls. A plain `<tbody>` (MUI's adds only a context no row
 * reads); rows are memoised, so a scrolled frame renders just the rows that
 * come into view.
 */
const TokenTableBody = memo(function TokenTableBody(props: TokenTableBodyProps) {
  const { tokens, accountsById, now, onShowSecret, tracker, crateName } = props;
  // Worked out for drawn rows only, once each while the search stays.
  const crateMatchOf = useMemo(() => createCrateMatches(crateName), [crateName]);
  const overscan = tokens.length < DRAW_WHOLE_BELOW ? DRAW_WHOLE_BELOW : OVERSCAN;
  const { start, end, spaceAbove, spaceBelow } = useFixedRowWindow(
    tracker,
    tokens.length,
    overscan,
  );

  const rows = [];
  for (let index = start; index < end; index++) {
    const token = tokens[index];
    if (!token) continue;
    const crateMatch = crateMatchOf(token);
    rows.push(
      <TokenRow
        key={token.key}
        index={index}
        token={token}
        account={token.accountId === null ? undefined : accountsById.get(token.accountId)}
        now={now}
        onShowSecret={onShowSecret}
        crateMatch={crateMatch}
        coveredCrate={crateMatch === null ? null : crateName}
      />,
    );
  }
  return (
    <tbody>
      {spaceAbove > 0 && <SpacerRow height={spaceAbove} />}
      {rows}
      {spaceBelow > 0 && <SpacerRow height={spaceBelow} />}
    </tbody>
  );
});

/** Frames to wait for the scrolled-to row to be drawn before giving up on focusing it. */
const FOCUS_FRAMES = 30;

/**
 * Scrolls the target's row to the middle of the scroller (by arithmetic: rows
 * are all one height), then focuses it once the window has drawn it, so Tab
 * reaches its Regenerate and Rotate next. Once per target `id`, as soon as
 * the token is in the list. The row is found by its position (`aria-rowindex`),
 * so the memoised rows need no prop for it.
 */
function useScrollToTarget(
  scrollRef: { readonly current: HTMLDivElement | null },
  index: number,
  targetId: number | null,
): void {
  const done = useRef<number | null>(null);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (targetId === null || index < 0 || scroller === null || done.current === targetId) return;
    done.current = targetId;
    const header = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const middle = (scroller.clientHeight - header - ROW_HEIGHT) / 2;
    scroller.scrollTop = Math.max(0, index * ROW_HEIGHT - middle);
    let frames = 0;
    let frame = requestAnimationFrame(function focusRow() {
      const row = scroller.querySelector(targetRowSelector(index));
      if (row instanceof HTMLElement) {
        row.tabIndex = -1;
        row.focus({ preventScroll: true });
      } else if (frames++ < FOCUS_FRAMES) {
        frame = requestAnimationFrame(focusRow);
      }
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [scrollRef, index, targetId]);
}

function SpacerRow({ height }: { height: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={TOKEN_COLUMNS.length} style={{ height, maxHeight: height, padding: 0 }} />
    </tr>
  );
}
