import type { z } from 'zod';
import type { SimContext } from './env';
import { ApiError } from './errors';
import { readJsonValue } from './json-body';

type Path = readonly PropertyKey[];

/** Where a value sits in the body text: indices of its first and last character. */
interface Span {
  readonly start: number;
  readonly end: number;
}

const WHITESPACE = ' \t\n\r';

/** The span of every value in a body that JSON.parse already accepted, by path. */
function valueSpans(raw: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let at = 0;
  const skipWhitespace = () => {
    while (at < raw.length && WHITESPACE.includes(raw.charAt(at))) at += 1;
  };
  const skipString = () => {
    at += 1;
    while (raw.charAt(at) !== '"') at += raw.charAt(at) === '\\' ? 2 : 1;
    at += 1;
  };
  const members = (path: Path, close: string, member: (index: number) => PropertyKey) => {
    at += 1;
    skipWhitespace();
    for (let index = 0; raw.charAt(at) !== close; index += 1) {
      value([...path, member(index)]);
      skipWhitespace();
      if (raw.charAt(at) === ',') at += 1;
      skipWhitespace();
    }
    at += 1;
  };
  const key = (): string => {
    skipWhitespace();
    const start = at;
    skipString();
    const name = JSON.parse(raw.slice(start, at)) as string;
    skipWhitespace();
    at += 1; // the colon
    return name;
  };
  function value(path: Path): void {
    skipWhitespace();
    const start = at;
    const first = raw.charAt(at);
    if (first === '{') members(path, '}', key);
    else if (first === '[') members(path, ']', (index) => index);
    else if (first === '"') skipString();
    else while (at < raw.length && !`,]}${WHITESPACE}`.includes(raw.charAt(at))) at += 1;
    spans.set(JSON.stringify(path), { start, end: at - 1 });
  }
  value([]);
  return spans;
}

/** serde_json's `at line L column C` for a character index (both one-based). */
function position(raw: string, index: number): string {
  const before = raw.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `at line ${line} column ${column}`;
}

function valueAt(json: unknown, path: Path): unknown {
  let current = json;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** serde's `Unexpected` wording for a JSON value. */
function unexpected(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return `boolean \`${String(value)}\``;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
  }
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return Array.isArray(value) ? 'sequence' : 'map';
}

/** Rust's names for what a field wanted; objects carry their struct's name. */
function expectation(issue: z.core.$ZodIssue, structNames: StructNames): string {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    return `struct ${structNames[key] ?? 'Body'}`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return 'a boolean';
  return 'a string';
}

interface SerdeError {
  readonly at: number;
  readonly text: string;
}

function toSerdeError(
  raw: string,
  json: unknown,
  spans: Map<string, Span>,
  issue: z.core.$ZodIssue,
  structNames: StructNames,
): SerdeError {
  const parentPath = issue.path.slice(0, -1);
  const found = valueAt(json, issue.path);
  const missing = found === undefined && issue.path.length > 0;
  const prefixPath = missing ? parentPath : issue.path;
  const prefix = prefixPath.length === 0 ? '' : `${prefixPath.map(String).join('.')}: `;
  if (missing) {
    // serde notices a missing field when its object closes.
    const at = spans.get(JSON.stringify(parentPath))?.end ?? 0;
    const field = String(issue.path.at(-1));
    return { at, text: `${prefix}missing field \`${field}\` ${position(raw, at)}` };
  }
  const span = spans.get(JSON.stringify(issue.path)) ?? { start: 0, end: 0 };
  const compound = typeof found === 'object' && found !== null;
  const at = compound ? span.start : span.end;
  const text = `${prefix}invalid type: ${unexpected(found)}, expected ${expectation(issue, structNames)} ${position(raw, at)}`;
  return { at, text };
}

/** Rust struct names by dotted path (`''` = the body itself), for `expected struct X`. */
export type StructNames = Readonly<Record<string, string>>;

/**
 * Reads a JSON body like axum's `Json` over a serde struct, with serde's
 * 422 texts: `missing field \`x\` at line L column C`, prefixed by the path of
 * the object that lacks it (crates.io's trusted-publishing and crate-settings
 * bodies, NOTES.md). Unknown fields are ignored, as serde does. Of several
 * problems, the one serde meets first in the text wins.
 */
export async function readSerdeJsonBody<T>(
  c: SimContext,
  schema: z.ZodType<T>,
  structNames: StructNames,
): Promise<T> {
  const { raw, json } = await readJsonValue(c);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const spans = valueSpans(raw);
  const errors = parsed.error.issues.map((issue) =>
    toSerdeError(raw, json, spans, issue, structNames),
  );
  const [first] = [...errors].sort((a, b) => a.at - b.at);
  throw new ApiError(
    422,
    `Failed to deserialize the JSON body into the target type: ${first?.text ?? 'invalid body'}`,
  );
}
