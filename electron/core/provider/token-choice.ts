import type { CargoOperation } from '../../../shared/domain/cargo-provider';
import { cratePatternMatches, cratePatternsAllow } from '../../../shared/domain/crate-pattern';
import type { EndpointScope } from '../../../shared/domain/scopes';

/**
 * Which held token cargo gets for one request (issue: credential provider,
 * "Choosing the token"). Pure: the caller gathers the candidates, asks the
 * registry whether the crate exists, and turns the choice into an answer.
 *
 * - publish: `publish-new` when the crate does not exist yet, else
 *   `publish-update`; yank and unyank: `yank`; owners: `change-owners`. The
 *   token's crate patterns must match the crate (none or empty: any crate).
 * - read: `cargo publish` asks for `read` first and gives up when nobody has a
 *   token, so read gets the narrowest token held for the registry; cargo asks
 *   again for the real operation (the answer is never cached).
 * - The narrowest fitting token wins: fewest endpoint scopes, then an exact
 *   pattern over a prefix over `*` or any crate; a legacy token (no endpoint
 *   scopes: every right) only when nothing scoped fits.
 * - Never a token that expires within the hour (cargo may still be uploading
 *   when it runs out), has expired, or was revoked.
 * - Imported tokens: the app does not know their rights, so they are handed
 *   out for `read` only (after every registry token), never for a write. A
 *   write with an unknown token would either fail at the registry or, worse,
 *   succeed with more rights than the user meant to use.
 */

/** A token whose secret the app holds, as the choice sees it (never the secret). */
export interface TokenCandidate {
  /** The list key (`accountId/tokenId`, or `imported/id`). */
  readonly key: string;
  readonly name: string;
  /** `registry`: the registry lists it with its scopes; `imported`: rights unknown. */
  readonly source: 'registry' | 'imported';
  /** null: a legacy token (every right), or unknown for an imported token. */
  readonly endpointScopes: readonly EndpointScope[] | null;
  /** null or empty: any crate. */
  readonly cratePatterns: readonly string[] | null;
  /** ISO time, or null for never. */
  readonly expiresAt: string | null;
  /** The registry stopped listing it: revoked elsewhere. */
  readonly revoked: boolean;
}

export interface ChoiceRequest {
  readonly operation: CargoOperation;
  /** The crate cargo acts on; null for read. */
  readonly crate: string | null;
  /** Whether the registry has the crate already (publish only; otherwise ignored). */
  readonly crateExists: boolean;
  readonly candidates: readonly TokenCandidate[];
  readonly now: Date;
}

/** What a token must have for the request: the scope and the crate (null for read). */
export interface Need {
  readonly scope: EndpointScope | null;
  readonly crate: string | null;
}

export type TokenChoice =
  | { readonly kind: 'chosen'; readonly token: TokenCandidate; readonly reason: string }
  | { readonly kind: 'none'; readonly need: Need; readonly reason: string };

/** A token expiring sooner than this is not handed out. */
export const MIN_REMAINING_VALIDITY_MS = 60 * 60 * 1000;

/** The scope each write operation needs. */
export function scopeFor(operation: CargoOperation, crateExists: boolean): EndpointScope | null {
  switch (operation) {
    case 'publish':
      return crateExists ? 'publish-update' : 'publish-new';
    case 'yank':
    case 'unyank':
      return 'yank';
    case 'owners':
      return 'change-owners';
    case 'read':
      return null;
  }
}

export function chooseToken(request: ChoiceRequest): TokenChoice {
  const usable = request.candidates.filter((token) => isUsable(token, request.now));
  const unusable = request.candidates.length - usable.length;
  const skipped =
    unusable === 0
      ? ''
      : ` (${unusable} held token${unusable === 1 ? ' was' : 's were'} left out: expired, revoked or expiring within the hour)`;
  const scope = scopeFor(request.operation, request.crateExists);
  if (scope === null) return chooseForRead(usable, skipped);
  const crate = request.crate ?? '';
  const fitting = usable.filter(
    (token) =>
      token.source === 'registry' &&
      (token.endpointScopes === null || token.endpointScopes.includes(scope)) &&
      cratePatternsAllow(token.cratePatterns, crate),
  );
  const best = narrowest(fitting, (token) => writeRank(token, crate));
  if (!best) {
    return {
      kind: 'none',
      need: { scope, crate },
      reason: `No held token may ${scope} ${crate}${skipped}.`,
    };
  }
  const legacy = best.endpointScopes === null;
  const what = legacy ? 'a legacy token (every right), as no scoped one fits' : `it has ${scope}`;
  return {
    kind: 'chosen',
    token: best,
    reason: `"${best.name}" for ${scope} ${crate}: ${what}, ${patternText(best, crate)}; the narrowest of ${fitting.length} fitting.`,
  };
}

function chooseForRead(usable: readonly TokenCandidate[], skipped: string): TokenChoice {
  const best = narrowest(usable, readRank);
  if (!best) {
    return {
      kind: 'none',
      need: { scope: null, crate: null },
      reason: `No held token is valid for more than an hour${skipped}.`,
    };
  }
  return {
    kind: 'chosen',
    token: best,
    reason: `"${best.name}" for read: the narrowest of ${usable.length} usable (cargo asks again for the real operation).`,
  };
}

function isUsable(token: TokenCandidate, now: Date): boolean {
  if (token.revoked) return false;
  if (token.expiresAt === null) return true;
  const expires = Date.parse(token.expiresAt);
  // An unreadable date is treated as expired: better to refuse than to hand out a dead token.
  return Number.isFinite(expires) && expires - now.getTime() > MIN_REMAINING_VALIDITY_MS;
}

/** How broad one pattern is: 0 exact name, 1 prefix, 2 `*`. */
function patternOrder(pattern: string): number {
  if (pattern === '*') return 2;
  return pattern.endsWith('*') ? 1 : 0;
}

/**
 * How broad a token's crate patterns are, 0 to 2 (no pattern: any crate, 2).
 * For a crate, the narrowest pattern that lets it in counts; without one
 * (read), the broadest pattern the token has.
 */
function patternBreadth(token: TokenCandidate, crate: string | null): number {
  const patterns = token.cratePatterns ?? [];
  if (patterns.length === 0) return 2;
  if (crate === null) return Math.max(...patterns.map(patternOrder));
  const matching = patterns.filter((pattern) => cratePatternMatches(pattern, crate));
  return matching.length === 0 ? 2 : Math.min(...matching.map(patternOrder));
}

/** Smaller is narrower, compared element by element. */
type Rank = readonly number[];

function writeRank(token: TokenCandidate, crate: string): Rank {
  const scopes = token.endpointScopes;
  return [
    scopes === null ? 1 : 0,
    scopes?.length ?? 0,
    patternBreadth(token, crate),
    token.cratePatterns?.length ?? 0,
  ];
}

function readRank(token: TokenCandidate): Rank {
  const scopes = token.endpointScopes;
  return [
    token.source === 'imported' ? 1 : 0,
    scopes === null ? 1 : 0,
    scopes?.length ?? 0,
    patternBreadth(token, null),
    token.cratePatterns?.length ?? 0,
  ];
}

/** The lowest-ranked token; ties go to the one expiring last, then by key (stable answers). */
function narrowest(
  tokens: readonly TokenCandidate[],
  rank: (token: TokenCandidate) => Rank,
): TokenCandidate | undefined {
  const ranked = tokens.map((token) => ({ token, rank: rank(token) }));
  ranked.sort((a, b) => {
    for (let index = 0; index < a.rank.length; index++) {
      const difference = (a.rank[index] ?? 0) - (b.rank[index] ?? 0);
      if (difference !== 0) return difference;
    }
    const [aExpires, bExpires] = [expiresMs(a.token), expiresMs(b.token)];
    if (aExpires !== bExpires) return aExpires > bExpires ? -1 : 1;
    return a.token.key < b.token.key ? -1 : a.token.key > b.token.key ? 1 : 0;
  });
  return ranked[0]?.token;
}

function expiresMs(token: TokenCandidate): number {
  return token.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(token.expiresAt);
}

function patternText(token: TokenCandidate, crate: string): string {
  const patterns = token.cratePatterns ?? [];
  const match = patterns
    .filter((pattern) => cratePatternMatches(pattern, crate))
    .sort((a, b) => patternOrder(a) - patternOrder(b))[0];
  return match === undefined ? 'any crate' : `pattern ${match}`;
}
