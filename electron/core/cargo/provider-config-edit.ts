import { isDeepStrictEqual } from 'node:util';
import { DATA_DIR_ARG } from '../provider/wire';
import { parseToml, valueAt } from './credentials-edit';
import { outlineToml, samePath, type TomlEntry, type TomlOutline } from './toml-cst';
import {
  BARE_KEY,
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
import type { TomlSplice } from './credentials-edit';

/**
 * "Connect cargo": the format-preserving edits of cargo's config.toml that
 * make Cratekeeper's credential provider the one cargo asks first, and undo
 * them (issue: credential provider, item 5; cargo/NOTES.md "Credential providers").
 *
 * What Connect writes, into an empty file:
 *
 *     # added by Cratekeeper: Disconnect cargo in Cratekeeper removes it
 *     [credential-alias]
 *     cratekeeper = ["/opt/Cratekeeper/cratekeeper-provider", "--data-dir", "/home/ann/.config/Cratekeeper"]
 *
 *     # added by Cratekeeper: Disconnect cargo in Cratekeeper removes it
 *     [registry]
 *     global-credential-providers = ["cargo:token", "cratekeeper"]
 *
 * - The alias is the array form (paths with spaces work; a path with a
 *   backslash, as on Windows, is a literal string `'C:\…'`). cargo runs the
 *   executable with `--cargo-plugin` and hands the rest to it in `args`, so
 *   the provider learns the app's data folder from `--data-dir`.
 * - `global-credential-providers`: later entries are asked first, so ours is
 *   appended last. When the key is absent cargo's default is `cargo:token`,
 *   which is written first so credentials.toml and CARGO_REGISTRY_TOKEN keep
 *   working whenever ours answers not-found. A list the user has is kept as
 *   it is, ours appended to it.
 * - Existing tables are reused (a `[table]`, an inline table, dotted keys);
 *   a missing one is appended at the end of the file.
 * - A registry-specific `credential-provider` (`[registry]` for crates.io,
 *   `[registries.NAME]`, in any form: table key, dotted key, inline table)
 *   makes cargo ask only that provider for that registry, never the global
 *   list. A registry holds one provider, so Connect REPLACES its value with
 *   `"cratekeeper"` and keeps the user's entry, verbatim, in a comment on
 *   the line above:
 *
 *       # replaced by Cratekeeper for sim (Disconnect cargo restores it): credential-provider = ["cargo:token"]
 *       credential-provider = "cratekeeper"
 *
 *   (an entry written over several lines is kept as one JSON string, after
 *   `(Disconnect cargo restores it; its lines as JSON): `). While connected,
 *   cargo's fall-through to the user's provider for that registry is lost:
 *   when ours answers not-found cargo asks no one else for it. The status
 *   still names the user's provider (`shadowedBy`: before Connect the
 *   provider cargo asks instead of ours, after Connect the one ours replaced).
 *
 * The marker comment says which lines Connect wrote: it sits on the line
 * above a key line it added, above a table header it added (the table and
 * what Connect put in it), or above the line of an inline table it added a
 * key to. Disconnect first puts back each replaced provider whose value is
 * still ours (a marker whose value the user changed since only goes), then
 * removes the `cratekeeper` alias (the name is ours), our entry of the
 * global list, the whole key when the marker says Connect created it and
 * nothing but `cargo:token` and ours is in it, a marked table left empty,
 * and the markers; so a file nobody edited since Connect comes back byte for
 * byte. Every edit is checked with a second parser (smol-toml): the result
 * must hold exactly the intended values, nothing else changed.
 */

/** The edit could not be proven to change only our entries (never written). */
export class UnsafeConfigEditError extends Error {
  constructor(detail: string) {
    super(
      `Cratekeeper could not change only its own entries in cargo's config (${detail}), so it left the file untouched.`,
    );
    this.name = 'UnsafeConfigEditError';
  }
}

export const CRATEKEEPER_ALIAS = 'cratekeeper';
export const CARGO_TOKEN_PROVIDER = 'cargo:token';
export const MARKER = '# added by Cratekeeper: Disconnect cargo in Cratekeeper removes it';

const ALIAS_TABLE = ['credential-alias'] as const;
const ALIAS_PATH = ['credential-alias', CRATEKEEPER_ALIAS] as const;
const REGISTRY_TABLE = ['registry'] as const;
const GLOBAL_PATH = ['registry', 'global-credential-providers'] as const;
const BOM = '\uFEFF';

/** The provider executable and the data folder cargo hands it. */
export interface ProviderCommand {
  /** Absolute path of the provider executable (launcher or packaged binary). */
  readonly executable: string;
  /** Absolute path of the app's data folder. */
  readonly dataDir: string;
}

/** The alias value Connect writes: `[executable, "--data-dir", dataDir]`. */
export function aliasCommand(command: ProviderCommand): readonly string[] {
  return [command.executable, DATA_DIR_ARG, command.dataDir];
}

export interface ProviderConfigFindings {
  /** The alias names our command and cargo asks it (globally or for a registry). */
  readonly connected: boolean;
  /**
   * Registry name (crates.io as `crates-io`) → the user's own
   * registry-specific provider, as written (an array joined with spaces):
   * before Connect the one cargo asks instead of ours; after Connect the one
   * ours replaced there, which Disconnect restores.
   */
  readonly shadowedBy: Record<string, string>;
}

// ---- reading -----------------------------------------------------------------

/** A provider as written: a string, or an array (the provider and its arguments). */
function providerText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(' ');
  }
  return null;
}

/** The global list's providers (array form; the string form is space-separated). */
function globalList(document: unknown): readonly string[] | null {
  const value = valueAt(document, GLOBAL_PATH);
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return null;
}

/** Every registry-specific `credential-provider` in a parsed config, crates.io as `crates-io`. */
function registryProviders(document: unknown): Map<string, string> {
  const found = new Map<string, string>();
  const own = providerText(valueAt(document, ['registry', 'credential-provider']));
  if (own !== null) found.set('crates-io', own);
  const registries = valueAt(document, ['registries']);
  if (isTable(registries)) {
    for (const [name, table] of Object.entries(registries)) {
      const provider = providerText(valueAt(table, ['credential-provider']));
      if (provider !== null) found.set(name, provider);
    }
  }
  return found;
}

/** What a config.toml says about our provider. Throws TomlSyntaxError for a malformed file. */
export function readProviderConfig(
  text: string,
  command: ProviderCommand,
  file: string | null = null,
): ProviderConfigFindings {
  const document = parseToml(text, file);
  const aliasIsOurs = isDeepStrictEqual(valueAt(document, ALIAS_PATH), aliasCommand(command));
  const providers = registryProviders(document);
  const asked =
    (globalList(document)?.includes(CRATEKEEPER_ALIAS) ?? false) ||
    [...providers.values()].includes(CRATEKEEPER_ALIAS);
  const shadowedBy: Record<string, string> = {};
  for (const [registry, provider] of providers) {
    if (provider !== CRATEKEEPER_ALIAS) shadowedBy[registry] = provider;
  }
  if ([...providers.values()].includes(CRATEKEEPER_ALIAS)) {
    for (const replaced of replacementsIn(splitBom(text).body)) {
      if (providers.get(replaced.registry) !== CRATEKEEPER_ALIAS) continue;
      const original = providerText(stringValue(replaced.originalValue));
      if (original !== null) shadowedBy[replaced.registry] = original;
    }
  }
  return { connected: aliasIsOurs && asked, shadowedBy };
}

// ---- text helpers ------------------------------------------------------------

type Splice = TomlSplice;

function apply(text: string, splices: readonly Splice[]): string {
  // Later offsets first, so earlier ones stay valid.
  return [...splices]
    .sort((a, b) => b.start - a.start)
    .reduce(
      (current, splice) =>
        `${current.slice(0, splice.start)}${splice.inserted}${current.slice(splice.end)}`,
      text,
    );
}

/** The offset just after the line holding `offset` (its `\n` included), or the text's end. */
function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The start of the line above the one starting at `lineStart`, or null on the first line. */
function previousLineStart(text: string, lineStart: number): number | null {
  return lineStart === 0 ? null : lineStartAt(text, lineStart - 1);
}

function lineText(text: string, lineStart: number): string {
  return text.slice(lineStart, lineEndAt(text, lineStart)).trim();
}

function isMarkerLine(text: string, lineStart: number | null): lineStart is number {
  return lineStart !== null && lineText(text, lineStart) === MARKER;
}

/** A string value: literal (`'C:\…'`, readable) when it has a backslash and can be one, else basic. */
export function tomlString(value: string): string {
  // eslint-disable-next-line no-control-regex -- a literal string cannot hold ' or control characters
  if (value.includes('\\') && !/['\u0000-\u001f\u007f]/.test(value)) return `'${value}'`;
  return basicString(value);
}

function tomlArray(values: readonly string[]): string {
  return `[${values.map(tomlString).join(', ')}]`;
}

// ---- arrays --------------------------------------------------------------------

interface ArrayItem {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
}

interface ArrayShape {
  readonly items: readonly ArrayItem[];
  /** Offset just after the last comma following the last item, or null. */
  readonly trailingComma: number | null;
  /** Offset of the closing `]`. */
  readonly close: number;
}

/** Where a string starting at `at` ends (just after its closing quote). */
function stringEnd(text: string, at: number): number {
  for (const quote of ['"""', "'''"]) {
    if (text.startsWith(quote, at)) {
      let end = text.indexOf(quote, at + 3);
      if (end === -1) throw new UnsafeConfigEditError('an unterminated string in an array');
      // A multi-line string may end with up to two more quotes.
      while (text[end + 3] === quote[0] && end + 3 < text.length) end += 1;
      return end + 3;
    }
  }
  const quote = text[at];
  for (let index = at + 1; index < text.length; index += 1) {
    if (quote === '"' && text[index] === '\\') index += 1;
    else if (text[index] === quote) return index + 1;
  }
  throw new UnsafeConfigEditError('an unterminated string in an array');
}

/** The end of the value starting at `at` (string, nested array or table, or a bare value). */
function valueEnd(text: string, at: number, stop: number): number {
  const first = text[at];
  if (first === '"' || first === "'") return stringEnd(text, at);
  if (first === '[' || first === '{') {
    let depth = 0;
    for (let index = at; index < stop; index += 1) {
      const char = text[index];
      if (char === '"' || char === "'") index = stringEnd(text, index) - 1;
      else if (char === '#') index = lineEndAt(text, index) - 1;
      else if (char === '[' || char === '{') depth += 1;
      else if (char === ']' || char === '}') {
        depth -= 1;
        if (depth === 0) return index + 1;
      }
    }
    throw new UnsafeConfigEditError('an unterminated array');
  }
  let index = at;
  while (index < stop && !/[\s,#\]]/.test(text[index] ?? '')) index += 1;
  return index;
}

/** The items of the array value at [start, end) (`[` … `]`), with their offsets in `text`. */
function arrayShape(text: string, start: number, end: number): ArrayShape {
  const close = end - 1;
  if (text[start] !== '[' || text[close] !== ']') {
    throw new UnsafeConfigEditError('registry.global-credential-providers is not an array');
  }
  const items: ArrayItem[] = [];
  let trailingComma: number | null = null;
  let index = start + 1;
  while (index < close) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) index += 1;
    else if (char === '#') index = lineEndAt(text, index);
    else if (char === ',') {
      index += 1;
      trailingComma = index;
    } else {
      const itemEnd = valueEnd(text, index, close);
      items.push({ start: index, end: itemEnd, raw: text.slice(index, itemEnd) });
      trailingComma = null;
      index = itemEnd;
    }
  }
  return { items, trailingComma, close };
}

function stringValue(raw: string): unknown {
  return parseToml(`v = ${raw}`).v;
}

// ---- inserting a key -------------------------------------------------------------

/**
 * The splices that add `key = value` to the top-level table `table`
 * (marked), in whichever form the file writes that table.
 */
function keyInsertion(
  text: string,
  outline: TomlOutline,
  table: readonly string[],
  key: string,
  value: string,
): Splice[] {
  const eol = lineBreakOf(text);
  const assignment = `${keyText([key])} = ${value}`;

  // `registry = { default = "x" }`: the key goes inside the braces; the marker above that line.
  const inline = outline.entries.find((entry) => entry.inline && samePath(entry.path, table));
  if (inline?.inline) {
    const { open, lastItemEnd } = inline.inline;
    const lineStart = lineStartAt(text, inline.start);
    const indent = indentationAt(text, inline.start);
    return [
      lastItemEnd === null
        ? { start: open, end: open, inserted: ` ${assignment} ` }
        : { start: lastItemEnd, end: lastItemEnd, inserted: `, ${assignment}` },
      { start: lineStart, end: lineStart, inserted: `${indent}${MARKER}${eol}` },
    ];
  }

  // `[registry]`: marker and key on lines after its last key.
  const header = outline.tables.find((candidate) => samePath(candidate.path, table));
  if (header) {
    const after = header.lastEntryEnd ?? header.headerEnd;
    const indent =
      header.lastEntryEnd === null ? '' : indentationAt(text, blockStartOf(outline, after));
    return [lineAfter(text, after, `${indent}${MARKER}${eol}${indent}${assignment}`, eol)];
  }

  // `registry.default = "x"` at the top: the key is a dotted key too, after the last of them.
  const dotted = outline.entries
    .filter(
      (entry) =>
        entry.place === 'block' &&
        entry.scope.length === 0 &&
        entry.path.length > 1 &&
        entry.path[0] === table[0],
    )
    .sort((a, b) => b.end - a.end)[0];
  if (dotted) {
    const indent = indentationAt(text, dotted.start);
    const line = `${indent}${MARKER}${eol}${indent}${keyText([...table, key])} = ${value}`;
    return [lineAfter(text, dotted.end, line, eol)];
  }

  // No such table: a new one at the end (after a blank line when the file ends with a line break).
  const block = `${MARKER}${eol}[${keyText(table)}]${eol}${assignment}${eol}`;
  return [
    {
      start: text.length,
      end: text.length,
      inserted: text.length === 0 ? block : `${eol}${block}`,
    },
  ];
}

function blockStartOf(outline: TomlOutline, end: number): number {
  return (
    outline.entries.find((entry) => entry.place === 'block' && entry.end === end)?.start ?? end
  );
}

// ---- removing ----------------------------------------------------------------------

/** The marker's line start when it marks the line at `lineStart` (directly, or through a marked header above). */
function markerFor(text: string, lineStart: number): number | null {
  const above = previousLineStart(text, lineStart);
  if (isMarkerLine(text, above)) return above;
  return null;
}

function markedByHeader(text: string, outline: TomlOutline, entry: TomlEntry): boolean {
  if (entry.place !== 'block' || entry.scope.length === 0) return false;
  const header = outline.tables.find((table) => samePath(table.path, entry.scope));
  if (!header) return false;
  return markerFor(text, lineStartAt(text, header.headerEnd)) !== null;
}

/** Takes lines [start, end) out; at the end of a file without a final line break, the break before them too. */
function linesRemoval(text: string, start: number, end: number): Splice {
  if (end === text.length && !text.endsWith('\n') && start > 0) {
    const before = start - (text[start - 2] === '\r' ? 2 : 1);
    return { start: before, end, inserted: '' };
  }
  return { start, end, inserted: '' };
}

/** The splices taking one key out, with the marker on the line above it when there is one. */
function keyRemoval(text: string, entry: TomlEntry): Splice[] {
  const lineStart = lineStartAt(text, entry.start);
  const marker = markerFor(text, lineStart);
  if (entry.place === 'inline' && entry.siblings) {
    const { previousEnd, nextStart } = entry.siblings;
    const item: Splice =
      nextStart !== null
        ? { start: entry.start, end: nextStart, inserted: '' }
        : previousEnd !== null
          ? { start: previousEnd, end: entry.end, inserted: '' }
          : { start: entry.start, end: entry.end, inserted: '' };
    return marker === null ? [item] : [item, { start: marker, end: lineStart, inserted: '' }];
  }
  return [linesRemoval(text, marker ?? lineStart, lineEndAt(text, entry.end))];
}

/**
 * A marked table header with no keys left: it goes with its marker, and with
 * the blank line (or line break) Connect put before it. One with keys the
 * user added stays, and only its marker goes.
 */
function tableCleanup(text: string, outline: TomlOutline, table: readonly string[]): Splice[] {
  const header = outline.tables.find((candidate) => samePath(candidate.path, table));
  if (!header) return [];
  const headerLine = lineStartAt(text, header.headerEnd);
  const marker = markerFor(text, headerLine);
  if (marker === null) return [];
  // The user wrote keys into the table since: it stays, without our marker.
  if (header.lastEntryEnd !== null) return [{ start: marker, end: headerLine, inserted: '' }];
  const end = lineEndAt(text, header.headerEnd);
  const before = text.slice(0, marker);
  const blankBefore = /(?:\r?\n)\r?\n$/.exec(before);
  if (blankBefore) {
    const lastBreak = before.endsWith('\r\n') ? 2 : 1;
    return [{ start: marker - lastBreak, end, inserted: '' }];
  }
  if (end === text.length && marker > 0) {
    const lastBreak = before.endsWith('\r\n') ? 2 : 1;
    return [{ start: marker - lastBreak, end, inserted: '' }];
  }
  return [{ start: marker, end, inserted: '' }];
}

// ---- registry-specific providers ------------------------------------------------------

const REPLACED_LEAD = '# replaced by Cratekeeper for ';
const REPLACED_TAIL = ' (Disconnect cargo restores it): ';
const REPLACED_TAIL_JSON = ' (Disconnect cargo restores it; its lines as JSON): ';

/** The registry a `credential-provider` key belongs to (crates.io as `crates-io`), else null. */
function providerRegistryOf(path: readonly string[]): string | null {
  if (samePath(path, ['registry', 'credential-provider'])) return 'crates-io';
  const [table, name, key] = path;
  if (path.length === 3 && table === 'registries' && key === 'credential-provider') {
    return name ?? null;
  }
  return null;
}

function replacedLead(registry: string): string {
  return `${REPLACED_LEAD}${BARE_KEY.test(registry) ? registry : basicString(registry)}`;
}

/** The comment keeping a replaced entry's text (key, `=`, value as the user wrote them). */
function replacedMarker(registry: string, original: string): string {
  // A comment ends at the line break: an entry over several lines is kept as one JSON string.
  return /[\r\n]/.test(original)
    ? `${replacedLead(registry)}${REPLACED_TAIL_JSON}${JSON.stringify(original)}`
    : `${replacedLead(registry)}${REPLACED_TAIL}${original}`;
}

/** The entry text a marker line keeps for `registry`, or null when it is not such a marker. */
function originalFromMarker(line: string, registry: string): string | null {
  const lead = replacedLead(registry);
  if (line.startsWith(`${lead}${REPLACED_TAIL}`))
    return line.slice(lead.length + REPLACED_TAIL.length);
  if (!line.startsWith(`${lead}${REPLACED_TAIL_JSON}`)) return null;
  try {
    const original: unknown = JSON.parse(line.slice(lead.length + REPLACED_TAIL_JSON.length));
    return typeof original === 'string' ? original : null;
  } catch {
    return null;
  }
}

/** The raw value of the one key-value a marker keeps, or null when it is not one. */
function valueTextOf(original: string): string | null {
  try {
    parseToml(original);
    const entries = outlineToml(original).entries.filter((entry) => entry.place === 'block');
    const [entry] = entries;
    if (entries.length !== 1 || entry?.path.at(-1) !== 'credential-provider') return null;
    return original.slice(entry.valueStart, entry.valueEnd);
  } catch {
    return null;
  }
}

/** The line starts of the replaced-provider markers directly above the line at `lineStart`, nearest first. */
function replacedMarkersAbove(text: string, lineStart: number): number[] {
  const found: number[] = [];
  let above = previousLineStart(text, lineStart);
  while (above !== null && lineText(text, above).startsWith(REPLACED_LEAD)) {
    found.push(above);
    above = previousLineStart(text, above);
  }
  return found;
}

interface Replacement {
  readonly registry: string;
  readonly entry: TomlEntry;
  /** Start of the marker's line. */
  readonly marker: number;
  /** The user's value, as written. */
  readonly originalValue: string;
}

/** Every registry-specific provider with a marker of Connect's above it (whatever its value now). */
function replacementsIn(body: string): Replacement[] {
  const found: Replacement[] = [];
  for (const entry of outlineToml(body).entries) {
    const registry = providerRegistryOf(entry.path);
    if (registry === null) continue;
    for (const marker of replacedMarkersAbove(body, lineStartAt(body, entry.start))) {
      const original = originalFromMarker(lineText(body, marker), registry);
      const originalValue = original === null ? null : valueTextOf(original);
      if (originalValue === null) continue;
      found.push({ registry, entry, marker, originalValue });
      break;
    }
  }
  return found;
}

/** The value span of a provider entry is exactly a string or an array (else the edit stops). */
function checkedValueSpan(body: string, entry: TomlEntry): void {
  const raw = body.slice(entry.valueStart, entry.valueEnd);
  const isArray = raw.startsWith('[') && raw.endsWith(']');
  if (!isArray && entry.rawValue !== raw) {
    throw new UnsafeConfigEditError(`${keyText(entry.path)} is not where the parser says`);
  }
}

/**
 * Connect's replacements: each registry-specific provider that is not ours
 * gets `"cratekeeper"`, the user's entry kept in a marker above its line.
 */
function replaceRegistryProviders(
  body: string,
  document: unknown,
): { body: string; replaced: readonly (readonly string[])[] } {
  const eol = lineBreakOf(body);
  const splices: Splice[] = [];
  const markers = new Map<number, string[]>();
  const replaced: (readonly string[])[] = [];
  for (const entry of outlineToml(body).entries) {
    const registry = providerRegistryOf(entry.path);
    if (registry === null) continue;
    const provider = providerText(valueAt(document, entry.path));
    if (provider === null || provider === CRATEKEEPER_ALIAS) continue;
    checkedValueSpan(body, entry);
    const lineStart = lineStartAt(body, entry.start);
    const indent = /^[ \t]*/.exec(body.slice(lineStart))?.[0] ?? '';
    const lines = markers.get(lineStart) ?? [];
    // Several on one line (nested inline tables): the markers follow the entries' order.
    lines.push(`${indent}${replacedMarker(registry, body.slice(entry.start, entry.end))}${eol}`);
    markers.set(lineStart, lines);
    splices.push({
      start: entry.valueStart,
      end: entry.valueEnd,
      inserted: tomlString(CRATEKEEPER_ALIAS),
    });
    replaced.push(entry.path);
  }
  for (const [lineStart, lines] of markers) {
    splices.push({ start: lineStart, end: lineStart, inserted: lines.join('') });
  }
  return { body: apply(body, splices), replaced };
}

// ---- the edits ------------------------------------------------------------------------

function plain(document: unknown): unknown {
  // smol-toml's tables have a null prototype and its dates are objects: compare plain copies.
  return JSON.parse(
    JSON.stringify(document, (_key, value: unknown) =>
      typeof value === 'bigint' ? `${value}n` : value,
    ),
  ) as unknown;
}

/** Proves with smol-toml that `after` holds exactly `expected` (empty tables aside). */
function verify(afterText: string, expected: unknown): void {
  let after: unknown;
  try {
    after = parseToml(afterText);
  } catch (error) {
    throw new UnsafeConfigEditError(
      `the result would not parse: ${error instanceof Error ? error.message : 'unknown'}`,
    );
  }
  if (!isDeepStrictEqual(withoutEmptyTables(plain(after)), withoutEmptyTables(expected))) {
    throw new UnsafeConfigEditError('the result would hold other changes');
  }
}

/** An array of strings (the only global list Connect edits), else null. */
function stringList(value: unknown): readonly string[] | null {
  if (!Array.isArray(value)) return null;
  const strings = value.filter((item): item is string => typeof item === 'string');
  return strings.length === value.length ? strings : null;
}

function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

function findEntry(body: string, path: readonly string[]): TomlEntry | undefined {
  return outlineToml(body).entries.find((entry) => samePath(entry.path, path));
}

/**
 * Connect cargo: the alias and our place in the global list (see the module
 * comment). Idempotent. Throws TomlSyntaxError for a malformed file and
 * UnsafeConfigEditError when the edit cannot be proven exact.
 */
export function connectProvider(
  text: string,
  command: ProviderCommand,
  file: string | null = null,
): string {
  const before = plain(parseToml(text, file));
  const global = stringList(valueAt(before, GLOBAL_PATH));
  if (valueAt(before, GLOBAL_PATH) !== undefined && global === null) {
    throw new UnsafeConfigEditError(
      'registry.global-credential-providers is not a list of names; write it as an array, e.g. ["cargo:token"]',
    );
  }
  const alias = aliasCommand(command);
  const { bom } = splitBom(text);
  let { body } = splitBom(text);

  const aliasEntry = findEntry(body, ALIAS_PATH);
  if (!aliasEntry) {
    body = apply(
      body,
      keyInsertion(body, outlineToml(body), ALIAS_TABLE, CRATEKEEPER_ALIAS, tomlArray(alias)),
    );
  } else if (!isDeepStrictEqual(valueAt(before, ALIAS_PATH), alias)) {
    // Our alias from an earlier Connect, pointing elsewhere (the app moved): only its value changes.
    body = apply(body, [
      { start: aliasEntry.valueStart, end: aliasEntry.valueEnd, inserted: tomlArray(alias) },
    ]);
  }

  let list: readonly string[];
  const globalEntry = findEntry(body, GLOBAL_PATH);
  if (!globalEntry) {
    list = [CARGO_TOKEN_PROVIDER, CRATEKEEPER_ALIAS];
    const outline = outlineToml(body);
    body = apply(
      body,
      keyInsertion(body, outline, REGISTRY_TABLE, 'global-credential-providers', tomlArray(list)),
    );
  } else {
    const existing = global ?? [];
    list = existing;
    if (!existing.includes(CRATEKEEPER_ALIAS)) {
      list = [...existing, CRATEKEEPER_ALIAS];
      const shape = arrayShape(body, globalEntry.valueStart, globalEntry.valueEnd);
      const last = shape.items.at(-1);
      const ours = tomlString(CRATEKEEPER_ALIAS);
      const splice: Splice =
        last === undefined
          ? { start: shape.close, end: shape.close, inserted: ours }
          : shape.trailingComma !== null
            ? { start: shape.trailingComma, end: shape.trailingComma, inserted: ` ${ours},` }
            : { start: last.end, end: last.end, inserted: `, ${ours}` };
      body = apply(body, [splice]);
    }
  }

  const replacing = replaceRegistryProviders(body, before);
  body = replacing.body;
  const expected = replacing.replaced.reduce(
    (document, path) => withValueAt(document, path, CRATEKEEPER_ALIAS),
    withValueAt(withValueAt(before, ALIAS_PATH, alias), GLOBAL_PATH, list),
  );
  verify(body, expected);
  return `${bom}${body}`;
}

/**
 * Disconnect cargo: removes what Connect added (see the module comment) and
 * nothing else. A file without our entries comes back unchanged.
 */
export function disconnectProvider(text: string, file: string | null = null): string {
  const before = plain(parseToml(text, file));
  const { bom } = splitBom(text);
  let { body } = splitBom(text);
  let expected = before;

  // The user's registry-specific providers back where ours is still in their place; our markers out.
  const restorations: Splice[] = [];
  for (const replaced of replacementsIn(body)) {
    const { entry, marker, originalValue } = replaced;
    restorations.push({ start: marker, end: lineEndAt(body, marker), inserted: '' });
    if (providerText(valueAt(before, entry.path)) !== CRATEKEEPER_ALIAS) continue;
    checkedValueSpan(body, entry);
    restorations.push({ start: entry.valueStart, end: entry.valueEnd, inserted: originalValue });
    expected = withValueAt(expected, entry.path, stringValue(originalValue));
  }
  body = apply(body, restorations);

  // Our entry in the global list: the item, or the whole key when Connect created it.
  const global = stringList(valueAt(before, GLOBAL_PATH));
  const globalEntry = findEntry(body, GLOBAL_PATH);
  if (globalEntry && global?.includes(CRATEKEEPER_ALIAS)) {
    const outline = outlineToml(body);
    const created =
      markerFor(body, lineStartAt(body, globalEntry.start)) !== null ||
      markedByHeader(body, outline, globalEntry);
    const rest = global.filter((item) => item !== CRATEKEEPER_ALIAS);
    if (created && isDeepStrictEqual(rest, [CARGO_TOKEN_PROVIDER])) {
      body = apply(body, keyRemoval(body, globalEntry));
      expected = withValueAt(expected, GLOBAL_PATH, undefined);
    } else {
      const shape = arrayShape(body, globalEntry.valueStart, globalEntry.valueEnd);
      const index = shape.items.findLastIndex(
        (item) => stringValue(item.raw) === CRATEKEEPER_ALIAS,
      );
      const item = shape.items[index];
      if (item) {
        const previous = shape.items[index - 1];
        const next = shape.items[index + 1];
        const splice: Splice = previous
          ? { start: previous.end, end: item.end, inserted: '' }
          : next
            ? { start: item.start, end: next.start, inserted: '' }
            : { start: item.start, end: item.end, inserted: '' };
        // A key Connect created that the user added to since: it stays, without our marker.
        const keyLine = lineStartAt(body, globalEntry.start);
        const marker = markerFor(body, keyLine);
        body = apply(
          body,
          marker === null ? [splice] : [splice, { start: marker, end: keyLine, inserted: '' }],
        );
        const kept = [...global];
        kept.splice(global.lastIndexOf(CRATEKEEPER_ALIAS), 1);
        expected = withValueAt(expected, GLOBAL_PATH, kept);
      }
    }
    body = apply(body, tableCleanup(body, outlineToml(body), REGISTRY_TABLE));
  }

  const aliasEntry = findEntry(body, ALIAS_PATH);
  if (aliasEntry) {
    body = apply(body, keyRemoval(body, aliasEntry));
    expected = withValueAt(expected, ALIAS_PATH, undefined);
    body = apply(body, tableCleanup(body, outlineToml(body), ALIAS_TABLE));
  }

  verify(body, expected);
  return `${bom}${body}`;
}
