import { crateAccess, type CrateAccess } from './crate-access';
import type { CrateView } from './crates';
import { DAY_MS } from './expiry';
import { hasTrustedPublishing } from './retire-tokens';
import type { TokenView } from './token';

/** What the audit finds, most serious first (the order findings are listed in). */
export const RISK_FINDING_KINDS = [
  'legacy-token',
  'publish-any-crate',
  'change-owners',
  'several-publishers',
  'never-expires',
  'no-trusted-publishing',
  'unused-90-days',
  'never-used-30-days',
] as const;
export type RiskFindingKind = (typeof RISK_FINDING_KINDS)[number];

export type RiskFix = 'regenerate-narrower' | 'revoke' | 'set-up-trusted-publishing';

export interface RiskFinding {
  /** Stable across audits: `${kind}:${tokenKey or crateKey}`. */
  readonly id: string;
  readonly kind: RiskFindingKind;
  readonly tokenKey: string | null;
  readonly crateKey: string | null;
  /** What is wrong, naming the token or crate. */
  readonly title: string;
  /** Why it matters, one or two sentences. */
  readonly detail: string;
  /** First = the recommended one. */
  readonly fixes: readonly RiskFix[];
}

export const UNUSED_DAYS = 90;
export const NEVER_USED_DAYS = 30;
const GITHUB_REPOSITORY_PREFIX = 'https://github.com/';

/** “name”: how findings quote a token. */
function quoted(name: string): string {
  return `“${name}”`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function isPublishing(token: TokenView): boolean {
  const scopes = token.endpointScopes;
  return scopes !== null && (scopes.includes('publish-new') || scopes.includes('publish-update'));
}

function reachesEveryCrate(token: TokenView): boolean {
  const patterns = token.cratePatterns;
  return patterns === null || patterns.length === 0 || patterns.includes('*');
}

/** Still usable at `now`: listed (not revoked) and not expired, even since the list was fetched. */
function isLiveAt(token: TokenView, now: Date): boolean {
  if (token.status === 'expired') return false;
  return token.expiresAt === null || Date.parse(token.expiresAt) > now.getTime();
}

/** More than `days` days between `iso` and `now`, to the millisecond. */
function olderThan(iso: string, days: number, now: Date): boolean {
  return now.getTime() - Date.parse(iso) > days * DAY_MS;
}

function wholeDaysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS);
}

function finding(
  kind: RiskFindingKind,
  subject: { tokenKey: string } | { crateKey: string },
  title: string,
  detail: string,
  fixes: readonly RiskFix[],
): RiskFinding {
  const tokenKey = 'tokenKey' in subject ? subject.tokenKey : null;
  const crateKey = 'crateKey' in subject ? subject.crateKey : null;
  return {
    id: `${kind}:${tokenKey ?? crateKey ?? ''}`,
    kind,
    tokenKey,
    crateKey,
    title,
    detail,
    fixes,
  };
}

function tokenFindings(token: TokenView, now: Date): RiskFinding[] {
  const name = quoted(token.name);
  const subject = { tokenKey: token.key };
  const found: RiskFinding[] = [];
  if (token.endpointScopes === null) {
    const where = reachesEveryCrate(token)
      ? 'on every crate'
      : `on crates matching ${joinWords(token.cratePatterns ?? [])}`;
    found.push(
      finding(
        'legacy-token',
        subject,
        `${name} is a legacy token: it can do everything ${where}`,
        'It can publish, yank, change owners and even create more tokens, so a leak hands over the account; replace it with a token scoped to its job.',
        ['regenerate-narrower', 'revoke'],
      ),
    );
  } else {
    if (isPublishing(token) && reachesEveryCrate(token)) {
      const how =
        token.cratePatterns?.includes('*') === true ? 'on `*`' : 'without a crate pattern';
      found.push(
        finding(
          'publish-any-crate',
          subject,
          `${name} can publish any crate`,
          `Its publish scope is ${how}, so whoever holds it can publish new versions of every crate the account owns, and new crates in its name; limit it to the crates it releases.`,
          ['regenerate-narrower'],
        ),
      );
    }
    if (token.endpointScopes.includes('change-owners')) {
      found.push(
        finding(
          'change-owners',
          subject,
          `${name} can change crate owners`,
          'Whoever holds it can add themselves as an owner and take crates over; few jobs need this, so drop the scope or revoke the token.',
          ['regenerate-narrower', 'revoke'],
        ),
      );
    }
  }
  if (token.expiresAt === null) {
    found.push(
      finding(
        'never-expires',
        subject,
        `${name} never expires`,
        'A leaked copy works until someone notices and revokes it; a token with an expiry date limits the damage.',
        ['regenerate-narrower'],
      ),
    );
  }
  if (token.lastUsedAt !== null) {
    if (olderThan(token.lastUsedAt, UNUSED_DAYS, now)) {
      const days = wholeDaysSince(token.lastUsedAt, now);
      found.push(
        finding(
          'unused-90-days',
          subject,
          `${name} has not been used for ${days} days`,
          `It was last used on ${token.lastUsedAt.slice(0, 10)}; a token nothing uses can only leak, so revoke it.`,
          ['revoke'],
        ),
      );
    }
  } else {
    if (olderThan(token.createdAt, NEVER_USED_DAYS, now)) {
      const days = wholeDaysSince(token.createdAt, now);
      found.push(
        finding(
          'never-used-30-days',
          subject,
          `${name} has never been used`,
          `It was created ${days} days ago and nothing has used it since; a token nothing uses can only leak, so revoke it.`,
          ['revoke'],
        ),
      );
    }
  }
  return found;
}

/** “ci” (quill*), “all” (any crate), “old” (legacy token, every crate). */
function describeAccess(entry: CrateAccess): string {
  const name = quoted(entry.token.name);
  const patterns = joinWords(entry.matchedPatterns);
  switch (entry.via) {
    case 'pattern':
      return `${name} (${patterns})`;
    case 'any-crate':
      return `${name} (any crate)`;
    case 'legacy':
      return `${name} (legacy token, ${patterns === '' ? 'every crate' : patterns})`;
  }
}

/** Live registry tokens by registry and account: a crate looks only at its owners' tokens. */
type TokensByOwner = ReadonlyMap<string, readonly TokenView[]>;

function ownerKey(registryName: string, accountId: string): string {
  return `${registryName}\n${accountId}`;
}

function tokensByOwner(tokens: readonly TokenView[]): TokensByOwner {
  const byOwner = new Map<string, TokenView[]>();
  for (const token of tokens) {
    if (token.accountId === null) continue;
    const key = ownerKey(token.registryName, token.accountId);
    const group = byOwner.get(key);
    if (group === undefined) byOwner.set(key, [token]);
    else group.push(token);
  }
  return byOwner;
}

function crateFindings(crate: CrateView, byOwner: TokensByOwner): RiskFinding[] {
  const subject = { crateKey: crate.key };
  const found: RiskFinding[] = [];
  // With trustpub_only, crates.io refuses every token publish of a new version: none of them can.
  if (crate.trustedPublishing?.trustpubOnly !== true) {
    const ownersTokens = crate.ownerAccountIds.flatMap(
      (accountId) => byOwner.get(ownerKey(crate.registryName, accountId)) ?? [],
    );
    const publishers = crateAccess(crate, ownersTokens).filter((entry) =>
      entry.actions.includes('publish-update'),
    );
    if (publishers.length > 1) {
      found.push(
        finding(
          'several-publishers',
          subject,
          `${publishers.length} tokens can publish new versions of ${crate.name}`,
          `${joinWords(publishers.map(describeAccess))} can each publish ${crate.name}; every extra one is another way in, so keep the one your release uses and revoke the others.`,
          ['revoke'],
        ),
      );
    }
  }
  // Unknown trusted publishing (could not be read) is not reported as missing.
  if (
    crate.repository?.startsWith(GITHUB_REPOSITORY_PREFIX) === true &&
    crate.trustedPublishing !== null &&
    !hasTrustedPublishing(crate)
  ) {
    found.push(
      finding(
        'no-trusted-publishing',
        subject,
        `${crate.name} is on GitHub but not on trusted publishing`,
        `Its repository is ${crate.repository}: with trusted publishing, GitHub Actions publishes it with a 30-minute token and no long-lived token has to be kept anywhere.`,
        ['set-up-trusted-publishing'],
      ),
    );
  }
  return found;
}

/** Code-unit order: thousands of findings sort in milliseconds, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kind first (most serious first), then by title, then id: the same order on every run. */
function bySeverity(a: RiskFinding, b: RiskFinding): number {
  return (
    RISK_FINDING_KINDS.indexOf(a.kind) - RISK_FINDING_KINDS.indexOf(b.kind) ||
    compareText(a.title, b.title) ||
    compareText(a.id, b.id)
  );
}

/**
 * The risks among the live tokens the registries listed and the crates the
 * accounts own, most serious first, each with its fixes.
 *
 * Imported tokens raise nothing: the app does not know their scopes,
 * patterns or last use, and their expiry is optional to tell (null =
 * unknown), so every fact a finding rests on is unknown for them.
 */
export function auditRisks(input: {
  tokens: readonly TokenView[];
  crates: readonly CrateView[];
  now: Date;
}): RiskFinding[] {
  const liveTokens = input.tokens.filter(
    (token) => token.source === 'registry' && isLiveAt(token, input.now),
  );
  const byOwner = tokensByOwner(liveTokens);
  return [
    ...liveTokens.flatMap((token) => tokenFindings(token, input.now)),
    ...input.crates.flatMap((crate) => crateFindings(crate, byOwner)),
  ].sort(bySeverity);
}
