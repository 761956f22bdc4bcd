import type { SimContext } from '../../http/env';
import { badRequest } from '../../http/errors';

/** crates.io's `PaginationOptions` (helpers/pagination.rs), seek only. */
const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 100;
const U32_MAX = 4_294_967_295;

export interface SeekPage {
  readonly perPage: number;
  /** Rows with an id above this one; null = from the start. */
  readonly afterId: number | null;
}

/** A `NonZeroU32` query parameter, refused in axum's words. */
function nonZeroU32(c: SimContext, name: string): number | undefined {
  const value = c.req.query(name);
  if (value === undefined) return undefined;
  const fail = (reason: string) =>
    badRequest(`Failed to deserialize query string: ${name}: ${reason}`);
  if (!/^\+?\d+$/.test(value)) throw fail('invalid digit found in string');
  const number = Number(value);
  if (number > U32_MAX) throw fail('number too large to fit in target type');
  if (number === 0) throw fail('invalid value: integer `0`, expected a nonzero u32');
  return number;
}

/** The seek key crates.io writes: the last row's id as JSON, base64url without padding. */
export function encodeSeek(id: number): string {
  return Buffer.from(JSON.stringify(id)).toString('base64url');
}

const INT32_MAX = 2_147_483_647;

function decodeSeek(seek: string): number {
  const invalid = badRequest('invalid seek parameter');
  // Rust's URL_SAFE_NO_PAD: that alphabet, no padding, no dangling sixth bits.
  if (!/^[A-Za-z0-9_-]*$/.test(seek) || seek.length % 4 === 1) throw invalid;
  let id: unknown;
  try {
    id = JSON.parse(Buffer.from(seek, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof id !== 'number' || !Number.isInteger(id) || Math.abs(id) > INT32_MAX) throw invalid;
  return id;
}

/**
 * `?per_page` (default 10, at most 100) and `?seek`; `?page` is refused, as
 * on crates.io's trusted-publishing lists. Checked after authentication.
 */
export function readSeekPage(c: SimContext): SeekPage {
  const page = nonZeroU32(c, 'page');
  const perPage = nonZeroU32(c, 'per_page') ?? DEFAULT_PER_PAGE;
  const seek = c.req.query('seek');
  if (page !== undefined && seek !== undefined) {
    throw badRequest('providing both ?page= and ?seek= is unsupported');
  }
  if (page !== undefined) throw badRequest('?page= is not supported for this request');
  if (perPage > MAX_PER_PAGE) throw badRequest(`cannot request more than ${MAX_PER_PAGE} items`);
  return { perPage, afterId: seek === undefined ? null : decodeSeek(seek) };
}

/** crates.io's `query_with_params`: the request's query with `seek` replaced, at the end. */
export function nextPageQuery(c: SimContext, seek: string): string {
  const query = new URLSearchParams(new URL(c.req.url).search);
  query.delete('seek');
  query.append('seek', seek);
  return `?${query.toString()}`;
}

/** One page of rows by id ascending, with crates.io's `meta` (`total` counts every row). */
export function seekPage<R extends { readonly id: number }>(
  c: SimContext,
  rows: readonly R[],
  page: SeekPage,
): { readonly items: R[]; readonly meta: { total: number; next_page: string | null } } {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const after = page.afterId;
  const items = sorted.filter((row) => after === null || row.id > after).slice(0, page.perPage);
  const last = items.at(-1);
  // A full page always links on, so a last full page is followed by an empty one.
  const full = items.length === page.perPage && last !== undefined;
  return {
    items,
    meta: { total: rows.length, next_page: full ? nextPageQuery(c, encodeSeek(last.id)) : null },
  };
}
