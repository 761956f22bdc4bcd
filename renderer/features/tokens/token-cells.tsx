import type { ReactNode } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { cellOverflowOf, monoWidthOf } from './cell-overflow';
import {
  CELL_LINES,
  CELL_PADDING_X,
  CHIP_EXTRA_PX,
  CHIP_FONT_PX,
  CHIP_GAP_PX,
  PATTERN_FONT_PX,
  PATTERNS_COLUMN_WIDTH,
  SCOPES_COLUMN_WIDTH,
} from './token-row-layout';
import type { CrateCoverText } from './crate-cover';
import { formatDate, type PatternsCell, type WhenText } from './token-format';
import { scopeCellOf, statusPresentation, type ShownStatus } from './token-status';

/*
 * Cell contents of the token table, as plain elements styled by the table's
 * classes (token-table-styles.ts). Chips carry their explanation twice: in
 * `aria-description` for assistive tech, in `data-hint` for the table's one
 * shared hover tooltip.
 */

/**
 * Material icons' paths (from @mui/icons-material, same names) for a plain
 * `<svg>`: each MUI icon is an emotion-styled component whose styles are
 * serialised on every mount, and rows mount by the dozen on every scrolled
 * frame. (Not CSS masks or background images either: Chromium repaints an SVG
 * image like that as a document of its own each time its row is repainted.)
 */
const ROW_ICON_PATHS = {
  KeyRounded:
    'M20.59 10h-7.94c-.95-2.69-3.76-4.5-6.88-3.88-2.29.46-4.15 2.3-4.63 4.58C.32 14.58 3.26 18 7 18c2.61 0 4.83-1.67 5.65-4H13l1.29 1.29c.39.39 1.02.39 1.41 0L17 14l1.29 1.29c.39.39 1.03.39 1.42 0l2.59-2.61c.39-.39.39-1.03-.01-1.42l-.99-.97c-.2-.19-.45-.29-.71-.29M7 15c-1.65 0-3-1.35-3-3s1.35-3 3-3 3 1.35 3 3-1.35 3-3 3',
  VisibilityOutlined:
    'M12 6c3.79 0 7.17 2.13 8.82 5.5C19.17 14.87 15.79 17 12 17s-7.17-2.13-8.82-5.5C4.83 8.13 8.21 6 12 6m0-2C7 4 2.73 7.11 1 11.5 2.73 15.89 7 19 12 19s9.27-3.11 11-7.5C21.27 7.11 17 4 12 4m0 5c1.38 0 2.5 1.12 2.5 2.5S13.38 14 12 14s-2.5-1.12-2.5-2.5S10.62 9 12 9m0-2c-2.48 0-4.5 2.02-4.5 4.5S9.52 16 12 16s4.5-2.02 4.5-4.5S14.48 7 12 7',
  WarningAmberRounded:
    'M12 5.99 19.53 19H4.47zM2.74 18c-.77 1.33.19 3 1.73 3h15.06c1.54 0 2.5-1.67 1.73-3L13.73 4.99c-.77-1.33-2.69-1.33-3.46 0zM11 11v2c0 .55.45 1 1 1s1-.45 1-1v-2c0-.55-.45-1-1-1s-1 .45-1 1m0 5h2v2h-2z',
  ReplayRounded:
    'M12 5V2.21c0-.45-.54-.67-.85-.35l-3.8 3.79c-.2.2-.2.51 0 .71l3.79 3.79c.32.31.86.09.86-.36V7c3.73 0 6.68 3.42 5.86 7.29-.47 2.27-2.31 4.1-4.57 4.57-3.57.75-6.75-1.7-7.23-5.01-.07-.48-.49-.85-.98-.85-.6 0-1.08.53-1 1.13.62 4.39 4.8 7.64 9.53 6.72 3.12-.61 5.63-3.12 6.24-6.24C20.84 9.48 16.94 5 12 5',
  AutorenewRounded:
    'M12 6v1.79c0 .45.54.67.85.35l2.79-2.79c.2-.2.2-.51 0-.71l-2.79-2.79c-.31-.31-.85-.09-.85.36V4c-4.42 0-8 3.58-8 8 0 1.04.2 2.04.57 2.95.27.67 1.13.85 1.64.34.27-.27.38-.68.23-1.04C6.15 13.56 6 12.79 6 12c0-3.31 2.69-6 6-6m5.79 2.71c-.27.27-.38.69-.23 1.04.28.7.44 1.46.44 2.25 0 3.31-2.69 6-6 6v-1.79c0-.45-.54-.67-.85-.35l-2.79 2.79c-.2.2-.2.51 0 .71l2.79 2.79c.31.31.85.09.85-.35V20c4.42 0 8-3.58 8-8 0-1.04-.2-2.04-.57-2.95-.27-.67-1.13-.85-1.64-.34',
  DeleteOutlineRounded:
    'M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V9c0-1.1-.9-2-2-2H8c-1.1 0-2 .9-2 2zM9 9h6c.55 0 1 .45 1 1v8c0 .55-.45 1-1 1H9c-.55 0-1-.45-1-1v-8c0-.55.45-1 1-1m6.5-5-.71-.71c-.18-.18-.44-.29-.7-.29H9.91c-.26 0-.52.11-.7.29L8.5 4H6c-.55 0-1 .45-1 1s.45 1 1 1h12c.55 0 1-.45 1-1s-.45-1-1-1z',
  ControlPointDuplicateRounded:
    'M15 8c-.55 0-1 .45-1 1v2h-2c-.55 0-1 .45-1 1s.45 1 1 1h2v2c0 .55.45 1 1 1s1-.45 1-1v-2h2c.55 0 1-.45 1-1s-.45-1-1-1h-2V9c0-.55-.45-1-1-1M2 12c0-2.58 1.4-4.83 3.48-6.04.32-.19.53-.51.53-.88 0-.77-.84-1.25-1.51-.86C1.82 5.78 0 8.68 0 12s1.82 6.22 4.5 7.78c.67.39 1.51-.09 1.51-.86 0-.37-.21-.69-.53-.88C3.4 16.83 2 14.58 2 12m13-9c-4.96 0-9 4.04-9 9s4.04 9 9 9 9-4.04 9-9-4.04-9-9-9m0 16c-3.86 0-7-3.14-7-7s3.14-7 7-7 7 3.14 7 7-3.14 7-7 7',
  TerminalRounded:
    'M20 4H4c-1.11 0-2 .9-2 2v12c0 1.1.89 2 2 2h16c1.1 0 2-.9 2-2V6c0-1.1-.89-2-2-2m0 14H4V8h16zm-8-2c0-.55.45-1 1-1h4c.55 0 1 .45 1 1s-.45 1-1 1h-4c-.55 0-1-.45-1-1M6.79 9.71c.39-.39 1.02-.39 1.41 0l2.59 2.59c.39.39.39 1.02 0 1.41L8.2 16.3c-.39.39-1.02.39-1.41 0a.996.996 0 0 1 0-1.41L8.67 13l-1.88-1.88a.996.996 0 0 1 0-1.41',
  RemoveCircleOutlineRounded:
    'M7 12c0 .55.45 1 1 1h8c.55 0 1-.45 1-1s-.45-1-1-1H8c-.55 0-1 .45-1 1m5-10C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8',
  LinkOffRounded:
    'M14 9h2.87c1.46 0 2.8.98 3.08 2.42.31 1.64-.74 3.11-2.22 3.48l1.53 1.53c1.77-.91 2.95-2.82 2.7-5.01C21.68 8.86 19.37 7 16.79 7H14c-.55 0-1 .45-1 1s.45 1 1 1M3.51 3.51a.996.996 0 0 0-1.41 0c-.39.39-.39 1.02 0 1.41l2.64 2.64c-1.77.91-2.95 2.82-2.7 5.01C2.32 15.14 4.63 17 7.21 17H10c.55 0 1-.45 1-1s-.45-1-1-1H7.13c-1.46 0-2.8-.98-3.08-2.42-.31-1.64.75-3.11 2.22-3.48l2.12 2.12c-.23.19-.39.46-.39.78 0 .55.45 1 1 1h1.17l8.9 8.9c.39.39 1.02.39 1.41 0s.39-1.02 0-1.41zM14 11l1.71 1.71c.18-.18.29-.43.29-.71 0-.55-.45-1-1-1z',
} as const;
export type RowIconName = keyof typeof ROW_ICON_PATHS;

/** A decorative icon (its button or mark carries the name), sized by the table's styles. */
export function RowIcon({ name }: { name: RowIconName }) {
  return (
    <svg className="row-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ROW_ICON_PATHS[name]} />
    </svg>
  );
}

/** Room in a cell for two lines (or `lines`): the column's width less its padding, and "+N". */
function roomOf(columnWidth: number, moreText: string, lines: number = CELL_LINES) {
  return {
    lines,
    lineWidth: columnWidth - 2 * CELL_PADDING_X,
    moreWidth: monoWidthOf(moreText, CHIP_FONT_PX) + CHIP_EXTRA_PX + CHIP_GAP_PX,
  };
}

/** A scope chip's width: its monospaced label, padding and border. */
function scopeChipWidth(label: string): number {
  return monoWidthOf(label, CHIP_FONT_PX) + CHIP_EXTRA_PX;
}

/**
 * "+N" for the items a row has no room for. A button, so keyboard users reach
 * it and its hint shows on focus too; its name lists every item left out, so
 * assistive tech reads the whole list.
 */
export function MoreChip({
  items,
  noun,
}: {
  items: readonly string[];
  noun: readonly [string, string];
}) {
  const list = items.join(', ');
  const count = items.length;
  return (
    <button
      type="button"
      className="chip chip--more"
      aria-label={`+${String(count)} more ${count === 1 ? noun[0] : noun[1]}: ${list}`}
      data-hint={list}
    >
      +{count}
    </button>
  );
}

const SCOPE_NOUN = ['scope', 'scopes'] as const;
const PATTERN_NOUN = ['pattern', 'patterns'] as const;

/**
 * The Endpoint scopes cell; a legacy token gets one warning chip. One chip to
 * a line, two lines; more scopes than that end in "+N".
 */
export function ScopeChips({ token }: { token: Pick<TokenView, 'source' | 'endpointScopes'> }) {
  const cell = scopeCellOf(token);
  if (cell.kind === 'unknown') return <NotKnown hint={cell.description} />;
  const { chips } = cell;
  if (chips.length === 0) return <span className="muted">no endpoint scopes</span>;
  const { shown, hidden } = cellOverflowOf(
    chips.map((chip) => scopeChipWidth(chip.label)),
    roomOf(SCOPES_COLUMN_WIDTH, `+${String(chips.length)}`),
  );
  const drawn = chips.slice(0, shown).map((chip) => (
    <span
      key={chip.label}
      className={chip.tone ? `chip chip--warning-scope chip--${chip.tone}` : 'chip chip--scope'}
      data-hint={chip.description}
      aria-description={chip.description}
    >
      {chip.tone && <RowIcon name="WarningAmberRounded" />}
      {chip.label}
    </span>
  ));
  const more =
    hidden > 0 ? (
      <MoreChip items={chips.slice(shown).map((chip) => chip.label)} noun={SCOPE_NOUN} />
    ) : null;
  return (
    <span className="cell-lines">
      {linesOf(drawn, more).map((line, index) => (
        <span key={index} className="cell-line">
          {line}
        </span>
      ))}
    </span>
  );
}

/**
 * The Crate patterns cell: one pattern to a line, two lines; more patterns
 * than that end in "+N". A long pattern is cut short with an ellipsis; its
 * whole text stays in the page for assistive tech and in its title. When the
 * search names a crate the patterns cover, its chip takes the first line.
 */
export function CratePatterns({
  patterns,
  cover = null,
}: {
  patterns: PatternsCell;
  cover?: CrateCoverText | null;
}) {
  if (patterns === 'unknown') return <NotKnown hint={UNKNOWN_PATTERNS_HINT} />;
  if (cover !== null) {
    return (
      <ul className="cell-lines patterns">
        <li className="cell-line">
          <CrateCoverChip cover={cover} />
        </li>
        <li className="cell-line">
          {patterns === null ? (
            <span className="muted">any crate</span>
          ) : (
            <PatternLines patterns={patterns} lines={1} />
          )}
        </li>
      </ul>
    );
  }
  if (patterns === null) return <span className="muted">any crate</span>;
  return (
    <ul className="cell-lines patterns">
      <PatternLines patterns={patterns} lines={CELL_LINES} />
    </ul>
  );
}

/** "via quill*": this token's patterns cover the crate the search names. */
function CrateCoverChip({ cover }: { cover: CrateCoverText }) {
  return (
    <span
      className="chip chip--covers"
      role="img"
      aria-label={cover.name}
      data-hint={cover.hint}
      aria-description={cover.hint}
    >
      {cover.label}
    </span>
  );
}

/** Patterns one to a line in `lines` lines, "+N" on the last; inline when there is one line. */
function PatternLines({ patterns, lines }: { patterns: readonly string[]; lines: number }) {
  const { shown, hidden } = cellOverflowOf(
    patterns.map((pattern) => monoWidthOf(pattern, PATTERN_FONT_PX)),
    roomOf(PATTERNS_COLUMN_WIDTH, `+${String(patterns.length)}`, lines),
  );
  const drawn = patterns.slice(0, shown).map((pattern) => (
    <span key={pattern} className="pattern" title={pattern}>
      {pattern}
    </span>
  ));
  const more = hidden > 0 ? <MoreChip items={patterns.slice(shown)} noun={PATTERN_NOUN} /> : null;
  if (lines === 1) {
    return (
      <>
        {drawn}
        {more}
      </>
    );
  }
  return (
    <>
      {linesOf(drawn, more).map((line, index) => (
        <li key={index} className="cell-line">
          {line}
        </li>
      ))}
    </>
  );
}

const UNKNOWN_PATTERNS_HINT =
  'Imported token: its registry did not list it, so the crates it may act on are not known.';

/** A fact about an imported token nobody told the app, with why in its hint. */
export function NotKnown({ hint }: { hint: string }) {
  return (
    <span className="muted" data-hint={hint} aria-description={hint}>
      not known
    </span>
  );
}

/** One item to a line; "+N", if any, shares the last line (or has it alone). */
function linesOf(items: readonly ReactNode[], more: ReactNode): readonly ReactNode[] {
  if (more === null) return items;
  if (items.length < CELL_LINES) return [...items, more];
  return [
    ...items.slice(0, -1),
    <>
      {items.at(-1)}
      {more}
    </>,
  ];
}

/** The Status cell: a chip coloured by urgency whose hint says what to do. */
export function StatusChip({ status }: { status: ShownStatus }) {
  const { label, tone, description } = statusPresentation(status);
  return (
    <span
      className={`chip chip--status chip--${tone}`}
      data-hint={description}
      aria-description={description}
    >
      {label}
    </span>
  );
}

/** A relative time over its exact date-time, or a muted word such as "never". */
export function WhenCell({ when, iso }: { when: WhenText; iso: string | null }) {
  if (when.exact === null || iso === null) {
    return (
      <span className="muted" data-hint={when.hint} aria-description={when.hint}>
        {when.relative}
      </span>
    );
  }
  return (
    <time dateTime={iso}>
      <span className="line">{when.relative}</span>
      {/* The day fits the compact column; the exact time is in the title. */}
      <span className="sub line" title={when.exact}>
        {formatDate(iso)}
      </span>
    </time>
  );
}

const SECRET_HELD_HINT =
  "Cratekeeper holds this token's secret, encrypted. It stays hidden unless you ask to see it.";

/** Beside the name: the app holds this token's secret. */
export function SecretHeldMark() {
  return (
    <span
      className="held"
      role="img"
      aria-label="Secret held in Cratekeeper"
      aria-description={SECRET_HELD_HINT}
      data-hint={SECRET_HELD_HINT}
    >
      <RowIcon name="KeyRounded" />
    </span>
  );
}

/**
 * A row action's place when the action does not apply to this token: every
 * row keeps its actions in the same columns, so none shifts under the one
 * above it (issue 13).
 */
export function EmptyActionSlot() {
  return <span className="row-action-slot" aria-hidden="true" />;
}

/**
 * The row action that opens the secret's dialog. A plain button (not MUI's)
 * because thousands of rows may scroll past; the table's styles draw it.
 */
export function ShowSecretButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="row-action"
      aria-label={`Show secret of ${name}`}
      data-hint="Show secret"
      onClick={onClick}
    >
      <RowIcon name="VisibilityOutlined" />
    </button>
  );
}
