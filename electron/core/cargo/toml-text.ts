import type { TomlSplice } from './credentials-edit';

/**
 * Text-level helpers shared by the two format-preserving cargo editors
 * (credentials-edit.ts for tokens, provider-config-edit.ts for Connect cargo):
 * line arithmetic, key and string spelling, and the plain-object view the
 * second parser's check compares.
 */

export const BARE_KEY = /^[A-Za-z0-9_-]+$/;

export function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

/** Where the line holding `offset` starts, and its indentation. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/**
 * A new line after the line that holds `offset` (after any comment on it):
 * returns the splice that adds `line` there, with the file's line breaks.
 */
export function lineAfter(text: string, offset: number, line: string, eol: string): TomlSplice {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return { start: text.length, end: text.length, inserted: `${eol}${line}` };
  return { start: newline + 1, end: newline + 1, inserted: `${line}${eol}` };
}

export function keyText(path: readonly string[]): string {
  return path.map((part) => (BARE_KEY.test(part) ? part : basicString(part))).join('.');
}

/** A TOML basic string (tokens are printable ASCII or tab; keys may be anything). */
export function basicString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what TOML makes us escape
  const escaped = value.replace(/[\\"\u0000-\u001f\u007f]/g, (char) => {
    if (char === '\\' || char === '"') return `\\${char}`;
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

export function isTable(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of the document with the path set (or deleted when value is undefined). */
export function withValueAt(document: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const table = new Map(Object.entries(isTable(document) ? document : {}));
  const next = withValueAt(table.get(head), rest, value);
  if (next === undefined) table.delete(head);
  else table.set(head, next);
  return Object.fromEntries(table);
}

export function withoutEmptyTables(value: unknown): unknown {
  if (!isTable(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const pruned = withoutEmptyTables(member);
    if (!isTable(pruned) || Object.keys(pruned).length > 0) kept[key] = pruned;
  }
  return kept;
}
