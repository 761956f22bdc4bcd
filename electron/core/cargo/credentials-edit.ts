import { isDeepStrictEqual } from 'node:util';
import { parse, TomlError } from 'smol-toml';
import { outlineToml, samePath, startsWithPath, type TomlEntry } from './toml-cst';
import {
  basicString,
  indentationAt,
  isTable,
  keyText,
  lineAfter,
  lineBreakOf,
  lineStartAt,
  withValueAt,
  withoutEmptyTables,
} from './toml-text';

/** cargo's name for crates.io; its token is `[registry] token`. */
export const CRATES_IO_CARGO_NAME = 'crates-io';

/** A file cargo would not read: the parser's message with its line and column. */
export class TomlSyntaxError extends Error {
  constructor(
    readonly file: string | null,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(
      `${file ?? 'The file'} is not valid TOML (line ${line}, column ${column}: ${reason}). Cratekeeper leaves it untouched; fix it first.`,
    );
    this.name = 'TomlSyntaxError';
  }
}

/** The edit could not be proven to change only the token (never written). */
export class UnsafeEditError extends Error {
  constructor(detail: string) {
    super(
      `Cratekeeper could not change only the token in this file (${detail}), so it left the file untouched.`,
    );
    this.name = 'UnsafeEditError';
  }
}

/** One splice: `text.slice(0, start) + inserted + text.slice(end)`. Offsets include any BOM. */
export interface TomlSplice {
  readonly start: number;
  readonly end: number;
  readonly inserted: string;
}

export interface EditResult {
  readonly text: string;
  /** null when nothing changed (the key was already absent on remove). */
  readonly splice: TomlSplice | null;
}

const BOM = '\uFEFF';

/** The key path of a registry's token in cargo's credentials: `[registry]` or `[registries.NAME]`. */
export function tokenTablePath(registry: string): readonly string[] {
  return registry === CRATES_IO_CARGO_NAME ? ['registry'] : ['registries', registry];
}

/** Parses (without a BOM) with smol-toml, turning its error into a TomlSyntaxError. */
export function parseToml(text: string, file: string | null = null): Record<string, unknown> {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  try {
    return parse(body);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? '';
      throw new TomlSyntaxError(file, error.line, error.column, reason);
    }
    throw error;
  }
}

/** The value at a key path of a parsed document, or undefined. */
export function valueAt(document: unknown, path: readonly string[]): unknown {
  let node: unknown = document;
  for (const part of path) {
    if (!isTable(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** The token cargo reads for a registry from a parsed credentials document, if a string. */
export function tokenIn(document: unknown, registry: string): string | undefined {
  const token = valueAt(document, [...tokenTablePath(registry), 'token']);
  if (typeof token === 'string') return token;
  // A legacy top-level `token` means crates.io.
  if (registry === CRATES_IO_CARGO_NAME) {
    const legacy = valueAt(document, ['token']);
    if (typeof legacy === 'string') return legacy;
  }
  return undefined;
}

/** Every registry with a token in a parsed credentials document, crates.io first. */
export function registriesWithTokens(document: unknown): string[] {
  const names: string[] = [];
  if (tokenIn(document, CRATES_IO_CARGO_NAME) !== undefined) names.push(CRATES_IO_CARGO_NAME);
  const registries = valueAt(document, ['registries']);
  if (isTable(registries)) {
    for (const [name, table] of Object.entries(registries)) {
      if (typeof valueAt(table, ['token']) === 'string') names.push(name);
    }
  }
  return names;
}

/** The new value in the old value's quoting style when it can hold it (a literal string stays literal). */
function tokenLiteral(token: string, oldRaw: string | undefined): string {
  const literal = oldRaw?.startsWith("'") === true && !oldRaw.startsWith("'''");
  if (literal && !/['\r\n]/.test(token)) return `'${token}'`;
  return basicString(token);
}

/** How to add `token` to the table at `tablePath` when the file has no such key yet. */
function insertion(
  text: string,
  entries: readonly TomlEntry[],
  tables: ReturnType<typeof outlineToml>['tables'],
  tablePath: readonly string[],
  token: string,
): TomlSplice {
  const eol = lineBreakOf(text);
  const assignment = `token = ${tokenLiteral(token, undefined)}`;

  // `sim = { index = "..." }`: the token goes inside the braces (a header would be invalid TOML).
  const inlineTable = entries.find((entry) => entry.inline && samePath(entry.path, tablePath));
  if (inlineTable?.inline) {
    const { open, lastItemEnd } = inlineTable.inline;
    return lastItemEnd === null
      ? { start: open, end: open, inserted: ` ${assignment} ` }
      : { start: lastItemEnd, end: lastItemEnd, inserted: `, ${assignment}` };
  }

  // `[registries.sim]`: a line after its last key (comments that follow stay below).
  const table = tables.find((candidate) => samePath(candidate.path, tablePath));
  if (table) {
    if (table.lastEntryEnd !== null) {
      const indent = indentationAt(text, lastEntryStart(entries, table.lastEntryEnd));
      return lineAfter(text, table.lastEntryEnd, `${indent}${assignment}`, eol);
    }
    return lineAfter(text, table.headerEnd, assignment, eol);
  }

  // `registries = { other = {...} }`: the new registry joins that inline table.
  const inlineAncestor = entries
    .filter((entry) => entry.inline && startsWithPath(tablePath, entry.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (inlineAncestor?.inline) {
    const rest = tablePath.slice(inlineAncestor.path.length);
    const member = `${keyText(rest)} = { ${assignment} }`;
    const { open, lastItemEnd } = inlineAncestor.inline;
    return lastItemEnd === null
      ? { start: open, end: open, inserted: ` ${member} ` }
      : { start: lastItemEnd, end: lastItemEnd, inserted: `, ${member}` };
  }

  // `registries.sim.index = "..."`: the table is made of dotted keys, so the token is one too.
  const target = [...tablePath, 'token'];
  const dotted = entries
    .filter(
      (entry) =>
        entry.place === 'block' &&
        entry.path.length > entry.scope.length + 1 &&
        startsWithPath(tablePath, entry.scope) &&
        entry.path[entry.scope.length] === target[entry.scope.length],
    )
    .map((entry) => ({ entry, shared: sharedLength(entry.path, target) }))
    .sort((a, b) => b.shared - a.shared || b.entry.end - a.entry.end)[0]?.entry;
  if (dotted) {
    const line = `${indentationAt(text, dotted.start)}${keyText(target.slice(dotted.scope.length))} = ${tokenLiteral(token, undefined)}`;
    return lineAfter(text, dotted.end, line, eol);
  }

  // No such table: a new one at the end, after a blank line.
  const header = `[${keyText(tablePath)}]${eol}${assignment}${eol}`;
  if (text.length === 0) return { start: 0, end: 0, inserted: header };
  const separator = text.endsWith('\n') ? eol : `${eol}${eol}`;
  return { start: text.length, end: text.length, inserted: `${separator}${header}` };
}

function lastEntryStart(entries: readonly TomlEntry[], end: number): number {
  return entries.find((entry) => entry.place === 'block' && entry.end === end)?.start ?? end;
}

function sharedLength(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared += 1;
  return shared;
}

/** The splice that takes one key-value out: its whole line, or its place in an inline table. */
function removal(text: string, entry: TomlEntry): TomlSplice {
  if (entry.place === 'inline' && entry.siblings) {
    const { previousEnd, nextStart } = entry.siblings;
    if (nextStart !== null) return { start: entry.start, end: nextStart, inserted: '' };
    if (previousEnd !== null) return { start: previousEnd, end: entry.end, inserted: '' };
    return { start: entry.start, end: entry.end, inserted: '' };
  }
  const start = lineStartAt(text, entry.start);
  const newline = text.indexOf('\n', entry.end);
  if (newline !== -1) return { start, end: newline + 1, inserted: '' };
  // The last line without a final newline: take the line break before it instead.
  const before = start > 0 ? start - (text[start - 2] === '\r' ? 2 : 1) : 0;
  return { start: before, end: text.length, inserted: '' };
}

function applySplice(text: string, splice: TomlSplice): string {
  return `${text.slice(0, splice.start)}${splice.inserted}${text.slice(splice.end)}`;
}

function shifted(splice: TomlSplice, by: number): TomlSplice {
  return { start: splice.start + by, end: splice.end + by, inserted: splice.inserted };
}

/**
 * Checks with a second parser (smol-toml) that the edited file holds exactly
 * what the old one did, with only `path` set to `value` (or gone).
 */
function verify(before: unknown, afterText: string, path: readonly string[], value: unknown): void {
  let after: unknown;
  try {
    after = parseToml(afterText);
  } catch (error) {
    throw new UnsafeEditError(
      `the result would not parse: ${error instanceof Error ? error.message : 'unknown'}`,
    );
  }
  // Taking out a table's only key may take the table with it (dotted keys): empty tables don't count.
  const expected = withValueAt(before, path, value);
  if (!isDeepStrictEqual(withoutEmptyTables(normalised(after)), withoutEmptyTables(expected))) {
    throw new UnsafeEditError('the result would hold other changes');
  }
}

/** The path of the token key cargo reads for the registry in this document. */
function tokenPath(document: unknown, registry: string): readonly string[] {
  const tablePath = tokenTablePath(registry);
  if (
    registry === CRATES_IO_CARGO_NAME &&
    valueAt(document, [...tablePath, 'token']) === undefined &&
    typeof valueAt(document, ['token']) === 'string'
  ) {
    return ['token'];
  }
  return [...tablePath, 'token'];
}

function normalised(document: unknown): unknown {
  // smol-toml's tables have a null prototype and its dates are objects; compare plain copies.
  return JSON.parse(
    JSON.stringify(document, (_key, value: unknown) =>
      typeof value === 'bigint' ? `${value}n` : value,
    ),
  ) as unknown;
}

/**
 * Sets the registry's token, changing only the bytes of that one value (or
 * adding one key or table), then proves with smol-toml that nothing else
 * changed. Throws TomlSyntaxError for a malformed file.
 */
export function setCargoToken(
  text: string,
  registry: string,
  token: string,
  file: string | null = null,
): EditResult {
  const before = normalised(parseToml(text, file));
  const bom = text.startsWith(BOM) ? 1 : 0;
  const body = text.slice(bom);
  const path = tokenPath(before, registry);
  const { entries, tables } = outlineToml(body);
  const existing = entries.find((entry) => samePath(entry.path, path));
  const splice: TomlSplice = existing
    ? {
        start: existing.valueStart,
        end: existing.valueEnd,
        inserted: tokenLiteral(token, existing.rawValue),
      }
    : insertion(body, entries, tables, tokenTablePath(registry), token);
  const edited = applySplice(body, splice);
  verify(before, edited, path, token);
  return { text: `${text.slice(0, bom)}${edited}`, splice: shifted(splice, bom) };
}

/**
 * Takes the registry's token out (for crates.io, a legacy top-level `token`
 * too), the same way: one key's line or inline item, nothing else.
 */
export function removeCargoToken(
  text: string,
  registry: string,
  file: string | null = null,
): EditResult {
  let current = text;
  let lastSplice: TomlSplice | null = null;
  const paths =
    registry === CRATES_IO_CARGO_NAME
      ? [[...tokenTablePath(registry), 'token'], ['token']]
      : [[...tokenTablePath(registry), 'token']];
  for (const path of paths) {
    const before = normalised(parseToml(current, file));
    if (valueAt(before, path) === undefined) continue;
    const bom = current.startsWith(BOM) ? 1 : 0;
    const body = current.slice(bom);
    const entry = outlineToml(body).entries.find((candidate) => samePath(candidate.path, path));
    if (!entry) throw new UnsafeEditError('the key was not found where the parser reported it');
    const splice = removal(body, entry);
    const edited = applySplice(body, splice);
    verify(before, edited, path, undefined);
    current = `${current.slice(0, bom)}${edited}`;
    lastSplice = shifted(splice, bom);
  }
  return { text: current, splice: lastSplice };
}
