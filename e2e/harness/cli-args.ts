import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { passphraseSchema } from '../../shared/domain/vault';
import type { HarnessOptions } from './harness';

export const USAGE =
  'Usage: npm run preview -- [--port P] [--seed demo|minimal|FILE | --simulator-url URL] [--data-dir DIR] [--login LOGIN] [--cargo-home DIR] [--keychain usable|basic_text] [--locked-with-passphrase P] [--watch]';

/** How the preview's OS keychain behaves: usable, or as on Linux without a keyring. */
export const PREVIEW_KEYCHAINS = ['usable', 'basic_text'] as const;
export type PreviewKeychain = (typeof PREVIEW_KEYCHAINS)[number];

/** The preview's command line, checked; the harness options follow from it one to one. */
export interface PreviewArgs {
  readonly port: number;
  readonly seed?: string;
  readonly simulatorUrl?: string;
  readonly dataDir?: string;
  readonly login?: string;
  readonly cargoHome?: string;
  readonly keychain?: PreviewKeychain;
  readonly lockedWithPassphrase?: string;
  readonly watch: boolean;
}

/** A bad command line: the message is one line that says what to write instead. */
export class PreviewArgsError extends Error {
  override readonly name = 'PreviewArgsError';
}

function isKeychain(value: string): value is PreviewKeychain {
  return (PREVIEW_KEYCHAINS as readonly string[]).includes(value);
}

function portOf(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new PreviewArgsError(`--port must be a port number, not "${value}".`);
  }
  return port;
}

function keychainOf(value: string | undefined): PreviewKeychain | undefined {
  if (value === undefined || isKeychain(value)) return value;
  throw new PreviewArgsError(
    `--keychain must be usable or basic_text (Linux without a keyring), not "${value}".`,
  );
}

function passphraseOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const checked = passphraseSchema.safeParse(value);
  if (checked.success) return checked.data;
  const [issue] = checked.error.issues;
  throw new PreviewArgsError(`--locked-with-passphrase: ${issue?.message ?? 'not a passphrase.'}`);
}

const FLAGS = {
  port: { type: 'string', default: '5199' },
  seed: { type: 'string' },
  'simulator-url': { type: 'string' },
  'data-dir': { type: 'string' },
  login: { type: 'string' },
  watch: { type: 'boolean', default: false },
  'cargo-home': { type: 'string' },
  keychain: { type: 'string' },
  'locked-with-passphrase': { type: 'string' },
} as const;

function readFlags(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: FLAGS, strict: true }).values;
  } catch (error) {
    // node:util's own words ("Unknown option '--x'. To specify a positional…"): the first sentence.
    const message = error instanceof Error ? error.message : String(error);
    throw new PreviewArgsError(`${message.split('. ')[0] ?? message}.`.replace(/\.\.$/, '.'));
  }
}

/** The preview CLI's arguments; throws PreviewArgsError with one readable line on bad input. */
export function parsePreviewArgs(args: readonly string[]): PreviewArgs {
  const values = readFlags(args);
  if (values['simulator-url'] !== undefined && values.seed !== undefined) {
    throw new PreviewArgsError(
      '--seed and --simulator-url do not go together: the seed is the simulator’s.',
    );
  }
  const keychain = keychainOf(values.keychain);
  const lockedWithPassphrase = passphraseOf(values['locked-with-passphrase']);
  if (lockedWithPassphrase !== undefined && keychain === 'usable') {
    throw new PreviewArgsError(
      '--locked-with-passphrase starts with a passphrase vault, as where the keychain is basic_text: leave out --keychain usable.',
    );
  }
  const cargoHome = values['cargo-home'];
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    port: portOf(values.port),
    watch: values.watch,
    ...optional('seed', values.seed),
    ...optional('simulatorUrl', values['simulator-url']),
    ...optional('dataDir', values['data-dir']),
    ...optional('login', values.login),
    ...optional('cargoHome', cargoHome === undefined ? undefined : resolve(cargoHome)),
    ...optional('keychain', keychain),
    ...optional('lockedWithPassphrase', lockedWithPassphrase),
  };
}

/**
 * The harness options of a preview started with these arguments (all but
 * the simulator: `seed` or `simulatorUrl`). A person sits in front of the
 * preview, so Add account shows the simulated GitHub's consent page in a
 * pop-up, to choose the seed's user.
 */
export function previewHarnessOptions(args: PreviewArgs): HarnessOptions {
  return {
    port: args.port,
    // --watch: the expiry watch's scheduler on real timers, as in the app.
    startWatch: args.watch,
    signInPopup: true,
    ...(args.dataDir === undefined ? {} : { dataDir: args.dataDir }),
    ...(args.login === undefined ? {} : { signInAs: args.login }),
    ...(args.cargoHome === undefined ? {} : { cargoHome: args.cargoHome }),
    ...(args.keychain === undefined ? {} : { keychain: args.keychain }),
    ...(args.lockedWithPassphrase === undefined
      ? {}
      : { lockedWithPassphrase: args.lockedWithPassphrase }),
  };
}
