import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { expectTomlSyntaxError } from './test-support/expect-toml-syntax-error';
import {
  connectProvider,
  CRATEKEEPER_ALIAS,
  disconnectProvider,
  MARKER,
  readProviderConfig,
  type ProviderCommand,
} from './provider-config-edit';

/**
 * Connect cargo over every shape of config.toml in corpus/config: connect
 * then disconnect gives back the original bytes, connecting twice is
 * connecting once, smol-toml reads our alias and our place in the global
 * list, every registry-specific provider is ours (the user's named in the
 * status still), and nothing else the user wrote changes. Malformed files are refused with
 * a line and column.
 */
const CORPUS = join(import.meta.dirname, 'corpus', 'config');
const CREDENTIALS_CORPUS = join(import.meta.dirname, 'corpus');
const MALFORMED = [join(CORPUS, 'malformed'), join(import.meta.dirname, 'corpus', 'malformed')];
const COMMAND: ProviderCommand = {
  executable: '/opt/Crate Keeper/bin/cratekeeper-provider',
  dataDir: '/home/ann/.config/Crate Keeper',
};
const ALIAS = [COMMAND.executable, '--data-dir', COMMAND.dataDir];

const fixtures = readdirSync(CORPUS).filter((name) => name.endsWith('.toml'));
const malformed = MALFORMED.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.toml'))
    .map((name) => join(dir, name)),
);

function read(path: string): string {
  return readFileSync(path).toString('utf8');
}

function parsed(text: string): Record<string, unknown> {
  return parse(text.replace(/^\uFEFF/, ''));
}

function at(document: unknown, path: readonly string[]): unknown {
  let node = document;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Registry name → path of each registry-specific `credential-provider` in a document. */
function registryProviderPaths(document: Record<string, unknown>): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  if (at(document, ['registry', 'credential-provider']) !== undefined) {
    paths.set('crates-io', ['registry', 'credential-provider']);
  }
  const registries = at(document, ['registries']);
  if (typeof registries === 'object' && registries !== null) {
    for (const name of Object.keys(registries)) {
      const path = ['registries', name, 'credential-provider'];
      if (at(document, path) !== undefined) paths.set(name, path);
    }
  }
  return paths;
}

/** A provider as cargo reads it: `cratekeeper` for ours, in either form. */
function isOurs(value: unknown): boolean {
  return (
    value === CRATEKEEPER_ALIAS || (Array.isArray(value) && value.join(' ') === CRATEKEEPER_ALIAS)
  );
}

/** The document without what Connect adds or replaces, to compare the user's part. */
function userPart(document: Record<string, unknown>): unknown {
  const copy = JSON.parse(JSON.stringify(document)) as Record<string, Record<string, unknown>>;
  for (const path of registryProviderPaths(copy).values()) {
    const table = at(copy, path.slice(0, -1)) as Record<string, unknown>;
    delete table['credential-provider'];
  }
  delete copy['credential-alias']?.[CRATEKEEPER_ALIAS];
  const registry = copy.registry;
  const list = registry?.['global-credential-providers'];
  if (registry && Array.isArray(list)) {
    registry['global-credential-providers'] = list.filter((item) => item !== CRATEKEEPER_ALIAS);
  }
  return copy;
}

describe('the config.toml corpus', () => {
  it('holds at least 20 shapes of config files', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });

  describe.each(fixtures)('%s', (name) => {
    const before = read(join(CORPUS, name));
    const document = parsed(before);
    const userList = at(document, ['registry', 'global-credential-providers']);

    it('connects: our alias, ours last in the global list, every user value kept', () => {
      const connected = connectProvider(before, COMMAND);
      const after = parsed(connected);
      expect(at(after, ['credential-alias', CRATEKEEPER_ALIAS])).toEqual(ALIAS);
      const list = at(after, ['registry', 'global-credential-providers']);
      expect(list).toEqual(
        Array.isArray(userList)
          ? [...(userList as unknown[]), CRATEKEEPER_ALIAS]
          : ['cargo:token', CRATEKEEPER_ALIAS],
      );
      expect(readProviderConfig(connected, COMMAND).connected).toBe(true);
      expect(readProviderConfig(before, COMMAND).connected).toBe(false);
      // Everything else reads the same (a created key aside, which Disconnect takes out).
      const userBefore = userPart(document) as Record<string, Record<string, unknown>>;
      const userAfter = userPart(after) as Record<string, Record<string, unknown>>;
      if (!Array.isArray(userList)) delete userAfter.registry?.['global-credential-providers'];
      expect(JSON.stringify(pruned(userAfter))).toBe(JSON.stringify(pruned(userBefore)));
      // Every registry-specific provider is ours now, the user's entry kept in a comment above it.
      const replaced = [...registryProviderPaths(document)].filter(
        ([, path]) => !isOurs(at(document, path)),
      );
      for (const [registry, path] of replaced) {
        expect(at(after, path)).toBe(CRATEKEEPER_ALIAS);
        const name = /^[\w-]+$/.test(registry) ? registry : JSON.stringify(registry);
        expect(connected).toContain(`# replaced by Cratekeeper for ${name} (`);
      }
      // The status still names the user's providers, as before Connect.
      expect(readProviderConfig(connected, COMMAND).shadowedBy).toEqual(
        readProviderConfig(before, COMMAND).shadowedBy,
      );
      // The user's bytes are all still there, in order: Connect only inserts (and replaces those values).
      if (replaced.length === 0) expect(isSubsequence(before, connected)).toBe(true);
      // Line breaks follow the file's.
      if (before.includes('\r\n')) expect(connected.replace(/\r\n/g, '')).not.toContain('\n');
      expect(connected.startsWith('\uFEFF')).toBe(before.startsWith('\uFEFF'));
      expect(connected).toContain(MARKER);
    });

    it('connecting twice is connecting once', () => {
      const once = connectProvider(before, COMMAND);
      expect(connectProvider(once, COMMAND)).toBe(once);
    });

    it('disconnects back to the original bytes', () => {
      expect(disconnectProvider(connectProvider(before, COMMAND))).toBe(before);
    });

    it('disconnecting a file that was never connected changes nothing', () => {
      expect(disconnectProvider(before)).toBe(before);
    });

    it('writes a new executable path in place of an old one, and still disconnects exactly', () => {
      const old = connectProvider(before, { executable: '/old/provider', dataDir: '/old/data' });
      const moved = connectProvider(old, COMMAND);
      expect(at(parsed(moved), ['credential-alias', CRATEKEEPER_ALIAS])).toEqual(ALIAS);
      expect(readProviderConfig(old, COMMAND).connected).toBe(false);
      expect(readProviderConfig(moved, COMMAND).connected).toBe(true);
      expect(disconnectProvider(moved)).toBe(before);
    });
  });

  // The credentials corpus holds 36 more valid shapes (dotted keys, inline tables, BOM, CRLF...).
  const credentialsShapes = readdirSync(CREDENTIALS_CORPUS).filter((name) =>
    name.endsWith('.toml'),
  );
  it.each(credentialsShapes)('round-trips the credentials shape %s too', (name) => {
    const before = read(join(CREDENTIALS_CORPUS, name));
    const connected = connectProvider(before, COMMAND);
    expect(readProviderConfig(connected, COMMAND).connected).toBe(true);
    expect(connectProvider(connected, COMMAND)).toBe(connected);
    expect(disconnectProvider(connected)).toBe(before);
  });

  describe.each(malformed)('malformed %s', (path) => {
    const before = read(path);
    it('is refused with the line and column, for connect, disconnect and read', () => {
      for (const edit of [
        () => connectProvider(before, COMMAND, '/c/config.toml'),
        () => disconnectProvider(before, '/c/config.toml'),
        () => readProviderConfig(before, COMMAND, '/c/config.toml'),
      ]) {
        expectTomlSyntaxError(edit, '/c/config.toml');
      }
    });
  });
});

function pruned(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const inner = pruned(member);
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) kept[key] = inner;
    else if (Object.keys(inner).length > 0) kept[key] = inner;
  }
  return kept;
}

/** Every character of `small` appears in `large` in order (Connect only inserts text). */
function isSubsequence(small: string, large: string): boolean {
  let index = 0;
  for (const char of large) if (char === small[index]) index += 1;
  return index === small.length;
}
