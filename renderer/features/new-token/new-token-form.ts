import { checkCratePattern } from '../../../shared/domain/crate-pattern';
import type { CreateTokenInput } from '../../../shared/domain/create-token';
import {
  checkCustomExpiry,
  DEFAULT_EXPIRY_CHOICE,
  expiryFromChoice,
  type ExpiryChoice,
  type ExpiryPresetDays,
} from '../../../shared/domain/expiry-presets';
import { ENDPOINT_SCOPES, type EndpointScope } from '../../../shared/domain/scopes';

/**
 * The builder's expiry as the user holds it: like `ExpiryChoice`, except that
 * "Custom" may not have a usable date yet (nothing picked, or half typed).
 */
export type ExpiryDraft =
  | { readonly kind: 'none' }
  | { readonly kind: 'days'; readonly days: ExpiryPresetDays }
  | { readonly kind: 'custom'; readonly date: string | null };

/** Everything the New token page holds before it is sent. */
export interface NewTokenForm {
  readonly accountId: string;
  readonly name: string;
  readonly endpointScopes: readonly EndpointScope[];
  /** In the order entered; empty strings are rows the user has not filled yet. */
  readonly cratePatterns: readonly string[];
  readonly expiry: ExpiryDraft;
}

/** A blank form for an account: no scope yet, any crate, the website's default 90 days. */
export function emptyForm(accountId: string): NewTokenForm {
  return {
    accountId,
    name: '',
    endpointScopes: [],
    cratePatterns: [],
    expiry: DEFAULT_EXPIRY_CHOICE,
  };
}

/** What is wrong with the form, per field; every entry blocks creation. */
export interface FormProblems {
  readonly account?: string;
  readonly name?: string;
  readonly endpointScopes?: string;
  /** By row index: why that pattern would be refused. */
  readonly cratePatterns: ReadonlyMap<number, string>;
  readonly expiry?: string;
}

export type FormCheck =
  | { readonly valid: true; readonly input: CreateTokenInput; readonly problems: FormProblems }
  | { readonly valid: false; readonly input: null; readonly problems: FormProblems };

/** The custom date as an `ExpiryChoice`, or null while none is usable. */
export function expiryChoiceOf(draft: ExpiryDraft): ExpiryChoice | null {
  if (draft.kind !== 'custom') return draft;
  return draft.date === null ? null : { kind: 'custom', date: draft.date };
}

function checkExpiry(draft: ExpiryDraft, now: Date, timeZone?: string): string | Date | null {
  if (draft.kind === 'custom') {
    if (draft.date === null) return 'Choose the date the token stops working.';
    const check = checkCustomExpiry(draft.date, now, timeZone);
    return check.valid ? check.expiresAt : check.reason;
  }
  return expiryFromChoice(draft, now, timeZone);
}

/** Why each pattern row would be refused, by index; a blank row counts too (it is never sent silently). */
export function patternProblems(patterns: readonly string[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  patterns.forEach((raw, index) => {
    const pattern = raw.trim();
    if (pattern === '') {
      problems.set(index, 'Enter a crate name or pattern, or remove this row.');
      return;
    }
    const check = checkCratePattern(pattern);
    if (!check.valid) problems.set(index, check.reason);
    else if (seen.has(pattern)) problems.set(index, 'This pattern is already listed above.');
    seen.add(pattern);
  });
  return problems;
}

/**
 * Checks the form with crates.io's server rules and, when nothing is wrong,
 * gives exactly what `tokens:create` is sent: trimmed name and patterns,
 * scopes in the website's order, the expiry as an RFC 3339 instant (or null).
 */
export function checkForm(form: NewTokenForm, now: Date, timeZone?: string): FormCheck {
  const name = form.name.trim();
  const expiry = checkExpiry(form.expiry, now, timeZone);
  const problems: FormProblems = {
    account: form.accountId === '' ? 'Choose the account the token is for.' : undefined,
    name: name === '' ? 'Give the token a name.' : undefined,
    endpointScopes:
      form.endpointScopes.length === 0
        ? 'Choose at least one scope: Cratekeeper does not create unscoped (legacy) tokens.'
        : undefined,
    cratePatterns: patternProblems(form.cratePatterns),
    expiry: typeof expiry === 'string' ? expiry : undefined,
  };
  const blocked =
    problems.account !== undefined ||
    problems.name !== undefined ||
    problems.endpointScopes !== undefined ||
    problems.cratePatterns.size > 0;
  if (blocked || typeof expiry === 'string') return { valid: false, input: null, problems };
  return {
    valid: true,
    problems,
    input: {
      accountId: form.accountId,
      name,
      endpointScopes: ENDPOINT_SCOPES.filter((scope) => form.endpointScopes.includes(scope)),
      cratePatterns: form.cratePatterns.map((pattern) => pattern.trim()),
      expiresAt: expiry === null ? null : expiry.toISOString(),
    },
  };
}

/**
 * Names of the account's tokens that still work, for the "already used" hint.
 * crates.io allows duplicate names, so this only warns.
 */
export function isNameTaken(name: string, activeNames: readonly string[]): boolean {
  const wanted = name.trim();
  return wanted !== '' && activeNames.includes(wanted);
}

/**
 * The pattern problems to show now: a typed pattern's at once; a blank row's
 * only if the row was already there at the last press of Create (a row just
 * added is not red before the user had a chance to fill it).
 */
export function shownPatternProblems(
  problems: ReadonlyMap<number, string>,
  patterns: readonly string[],
  rowsAtLastAttempt: number,
): Map<number, string> {
  return new Map(
    [...problems].filter(
      ([index]) => (patterns[index]?.trim() ?? '') !== '' || index < rowsAtLastAttempt,
    ),
  );
}

/** The 1-based number of the first typed pattern crates.io would refuse, or null. */
export function firstBadPatternNumber(patterns: readonly string[]): number | null {
  const problems = patternProblems(patterns);
  const index = patterns.findIndex((pattern, at) => pattern.trim() !== '' && problems.has(at));
  return index < 0 ? null : index + 1;
}
