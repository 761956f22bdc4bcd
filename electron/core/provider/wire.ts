import { join } from 'node:path';
import { z } from 'zod';

/**
 * Two protocols meet in the credential provider (issue: credential provider):
 *
 * 1. cargo ↔ provider executable: cargo's credential-provider protocol v1
 *    (../shared/cargo/NOTES.md, "Credential providers"), one JSON line each
 *    way on stdin/stdout. The executable (electron/credential-provider) speaks it.
 * 2. provider executable ↔ running app: one JSON line each way over a Unix
 *    socket in the app's data folder (a per-user named pipe on Windows),
 *    authenticated by a per-run secret the app writes to an owner-only file.
 *    The core (electron/core/provider) answers; the vault never leaves the app.
 *
 * This module is the one definition both sides import. Pure Node, no Electron.
 */

// ---- 1. cargo's protocol v1 -------------------------------------------------

/** What the provider writes first. */
export const CARGO_HELLO = { v: [1] } as const;

/** The one argument cargo runs a provider with. */
export const CARGO_PLUGIN_FLAG = '--cargo-plugin';

/** cargo's request; unknown fields are kept (newer cargo may send more). */
export const cargoRequestSchema = z
  .object({
    v: z.literal(1),
    registry: z
      .object({
        'index-url': z.string().min(1).max(4096),
        name: z.string().max(256).optional(),
        headers: z.array(z.string()).optional(),
      })
      .loose(),
    /** `get`, `login`, `logout`; kept open so a future kind is answered, not crashed on. */
    kind: z.string().max(64),
    operation: z.string().max(64).optional(),
    name: z.string().max(256).optional(),
    vers: z.string().max(256).optional(),
    cksum: z.string().max(256).optional(),
    /** Extra arguments configured after the executable's path in cargo's config. */
    args: z.array(z.string().max(4096)).max(32).optional(),
  })
  .loose();
export type CargoRequest = z.infer<typeof cargoRequestSchema>;

/** The answers a provider may give; always wrapped in `Ok` or `Err`. */
export type CargoAnswer =
  | {
      readonly Ok: {
        readonly kind: 'get';
        readonly token: string;
        /** Always `never`: cargo caches per registry, not per crate. */
        readonly cache: 'never';
        /** Always false: cargo must ask again for the real operation after `read`. */
        readonly operation_independent: false;
      };
    }
  | { readonly Ok: { readonly kind: 'login' } | { readonly kind: 'logout' } }
  | {
      readonly Err: {
        readonly kind: 'not-found' | 'url-not-supported' | 'operation-not-supported';
      };
    }
  | { readonly Err: { readonly kind: 'other'; readonly message: string } };

export const cargoAnswerSchema: z.ZodType<CargoAnswer> = z.union([
  z
    .object({
      Ok: z
        .object({
          kind: z.literal('get'),
          token: z.string().min(1),
          cache: z.literal('never'),
          operation_independent: z.literal(false),
        })
        .strict(),
    })
    .strict(),
  z.object({ Ok: z.object({ kind: z.enum(['login', 'logout']) }).strict() }).strict(),
  z
    .object({
      Err: z
        .object({ kind: z.enum(['not-found', 'url-not-supported', 'operation-not-supported']) })
        .strict(),
    })
    .strict(),
  z.object({ Err: z.object({ kind: z.literal('other'), message: z.string() }).strict() }).strict(),
]);

/** An `other` error: cargo stops and shows the message. */
export function cargoError(message: string): CargoAnswer {
  return { Err: { kind: 'other', message } };
}

// ---- 2. provider executable ↔ running app ----------------------------------

/** Folder in the app's data folder (0700) holding the socket and the run file. */
export const PROVIDER_DIR_NAME = 'cargo-provider';
/** Owner-only (0600) file the app writes at start: where to connect, with which secret. */
export const PROVIDER_RUN_FILE_NAME = 'run.json';
/** A line longer than this (either way) is refused: cargo's requests are small. */
export const MAX_WIRE_LINE_BYTES = 64 * 1024;
/**
 * How long the executable waits for the app's answer: the 60 s approval plus
 * room for a registry round trip ("does this crate exist?").
 */
export const APP_ANSWER_TIMEOUT_MS = 90_000;

/** The extra argument (in cargo's `args`) that names the app's data folder. */
export const DATA_DIR_ARG = '--data-dir';

export const providerRunFileSchema = z
  .object({
    v: z.literal(1),
    /** Unix socket path, or `\\.\pipe\...` on Windows. */
    address: z.string().min(1),
    /** 32 random bytes, hex: the executable sends it with each request. */
    secret: z.string().regex(/^[0-9a-f]{64}$/),
    /** The app's process id (to tell a stale file from a running app). */
    pid: z.number().int().positive(),
  })
  .strict();
export type ProviderRunFile = z.infer<typeof providerRunFileSchema>;

/** What the executable sends the app: the secret and cargo's request as cargo sent it. */
export const providerAskSchema = z
  .object({ v: z.literal(1), secret: z.string().max(128), request: cargoRequestSchema })
  .strict();
export type ProviderAsk = z.infer<typeof providerAskSchema>;

/** What the app answers: the answer the executable passes to cargo unchanged. */
export const providerReplySchema = z.object({ answer: cargoAnswerSchema }).strict();
export type ProviderReply = z.infer<typeof providerReplySchema>;

/** The folder of the socket and run file, in the app's data folder. */
export function providerDir(dataDir: string): string {
  return join(dataDir, PROVIDER_DIR_NAME);
}

export function providerRunFile(dataDir: string): string {
  return join(providerDir(dataDir), PROVIDER_RUN_FILE_NAME);
}

/** The message cargo shows when the app is not running (or not answering). */
export const APP_NOT_RUNNING_MESSAGE =
  'Cratekeeper is not running. Start Cratekeeper (it can stay in the tray) and run cargo again.';

/** crates.io's index URL as cargo sends it; `sparse+https://index.crates.io/` is crates.io too. */
export const CRATES_IO_INDEX_URLS = [
  'https://github.com/rust-lang/crates.io-index',
  'sparse+https://index.crates.io/',
] as const;
