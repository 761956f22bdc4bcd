import { z } from 'zod';
import { accountSchema, registrySchema } from '../domain/account';
import { registryNamingProblem } from '../domain/registry-name';
import { createTokenInputSchema } from '../domain/create-token';
import { importTokenInputSchema } from '../domain/token-import';
import { tokenListSchema, tokenViewSchema } from '../domain/token';
import { passphraseSchema, vaultStatusSchema } from '../domain/vault';
import { cargoCalls, cargoEvents } from './calls/cargo-calls';
import { cratesCalls } from './calls/crates-calls';
import { providerCalls, providerEvents } from './calls/provider-calls';
import { watchCalls, watchEvents } from './calls/watch-calls';
import { lazyTable } from './lazy-table';
import type { CallName, EventName } from './names';

export { CALL_NAMES, EVENT_NAMES, isCallName, isEventName } from './names';
export type { CallName, EventName } from './names';

/** A registry the user names for a sign-in: its name must be one cargo accepts, and fit the URL. */
function newRegistrySchema() {
  return registrySchema.superRefine((registry, context) => {
    const problem = registryNamingProblem(registry.name, registry.baseUrl);
    if (problem !== null) context.addIssue({ code: 'custom', path: ['name'], message: problem });
  });
}

interface CallSchemas {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * The one table of everything that crosses between main and renderer. Preload,
 * the ipcMain handlers and the browser harness are all derived from it, so no
 * channel name or schema is written anywhere else (names.ts lists the names;
 * the `satisfies` below makes both agree). Each call's schemas are built the
 * first time they are read (lazy-table.ts), not at import.
 */
export const ipcCalls = lazyTable({
  /** Every account the app knows, signed in or not. */
  'accounts:list': () => ({
    input: z.object({}).strict(),
    output: z.array(accountSchema),
  }),
  /** Tokens of every signed-in account, fetched in parallel. */
  'tokens:list': () => ({
    input: z
      .object({
        /** Also list tokens that expired within this many days (crates.io's `expired_days`). */
        expiredDays: z.number().int().min(0).max(365).optional(),
      })
      .strict(),
    output: tokenListSchema,
  }),
  /** Signs in to a registry in its own sign-in window (GitHub OAuth, as on the website). */
  'accounts:sign-in': () => ({
    input: z.object({ registry: newRegistrySchema() }).strict(),
    output: accountSchema,
  }),
  /** Ends the session on the registry and forgets its cookie; the account stays, signed out. */
  'accounts:sign-out': () => ({
    input: z.object({ accountId: z.string().min(1) }).strict(),
    output: z.array(accountSchema),
  }),
  /** Forgets an account and everything the app holds for it. */
  'accounts:remove': () => ({
    input: z.object({ accountId: z.string().min(1) }).strict(),
    output: z.array(accountSchema),
  }),
  /** How secrets are protected right now. */
  'vault:status': () => ({
    input: z.object({}).strict(),
    output: vaultStatusSchema,
  }),
  /** Protects the vault with a passphrase (when the OS keychain is missing or weak). */
  'vault:use-passphrase': () => ({
    input: z.object({ passphrase: passphraseSchema }).strict(),
    output: vaultStatusSchema,
  }),
  'vault:unlock': () => ({
    input: z.object({ passphrase: passphraseSchema }).strict(),
    output: vaultStatusSchema,
  }),
  'vault:lock': () => ({
    input: z.object({}).strict(),
    output: vaultStatusSchema,
  }),
  /** Keeps a token the app did not create (pasted), encrypted, so it is listed and warned about. */
  'tokens:import': () => ({
    input: importTokenInputSchema,
    output: tokenViewSchema,
  }),
  /**
   * The one call that returns a secret: only when the user explicitly asks to
   * see it. Nothing else in this table ever carries a token or a cookie out.
   */
  'tokens:reveal': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: z.object({ secret: z.string() }),
  }),
  /**
   * Copies a held token's secret to the system clipboard from the main process
   * (the secret never reaches the renderer), and clears it again after the
   * user's setting unless something else was copied meanwhile.
   */
  'tokens:copy': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: z.object({
      clearsAt: z.iso.datetime({ offset: true }),
      clearAfterSeconds: z.number().int().positive(),
    }),
  }),
  /**
   * Creates a token on the account's registry, checked with crates.io's server
   * rules; its secret goes straight into the vault and is NOT in the answer
   * (ask `tokens:reveal`). Never retried: if the answer is lost, the failure
   * says whether the token was made.
   */
  'tokens:create': () => ({
    input: createTokenInputSchema,
    output: z.object({ token: tokenViewSchema }),
  }),
  /**
   * Revokes a registry token with the account's session; answers once the
   * registry confirmed, and forgets any secret the app held for it.
   */
  'tokens:revoke': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: z.object({ key: z.string() }),
  }),
  /**
   * Regenerates a token: a new one with the same name, scopes and patterns and
   * this expiry (secret stored, not returned), then the old one revoked. If
   * revoking fails both stay valid: `revokedOld` is false and `message` says
   * what to do.
   */
  'tokens:rotate': () => ({
    input: z
      .object({ key: z.string().min(1), expiresAt: z.iso.datetime({ offset: true }).nullable() })
      .strict(),
    output: z.object({
      created: tokenViewSchema,
      revokedOld: z.boolean(),
      message: z.string().nullable(),
    }),
  }),
  /** The account's own crates (`owned_crates` of `/api/v1/me`), sorted, for the pattern preview. */
  'accounts:crates': () => ({
    input: z.object({ accountId: z.string().min(1) }).strict(),
    output: z.object({ crates: z.array(z.string()) }),
  }),
  ...watchCalls,
  ...cargoCalls,
  ...providerCalls,
  ...cratesCalls,
} satisfies { readonly [K in CallName]: () => CallSchemas });

/** Events pushed from main to the renderer. */
export const ipcEvents = lazyTable({
  /** The account list changed (sign-in, sign-out, session expiry). */
  'accounts:changed': () => ({ payload: z.array(accountSchema) }),
  /** The vault was locked (idle or by hand), unlocked, or given a passphrase. */
  'vault:changed': () => ({ payload: vaultStatusSchema }),
  ...watchEvents,
  ...cargoEvents,
  ...providerEvents,
} satisfies { readonly [E in EventName]: () => { readonly payload: z.ZodType } });

export type CallInput<K extends CallName> = z.input<(typeof ipcCalls)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof ipcCalls)[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof ipcEvents)[E]['payload']>;
