import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { expectTomlSyntaxError } from './test-support/expect-toml-syntax-error';
import {
  registriesWithTokens,
  removeCargoToken,
  setCargoToken,
  tokenIn,
  type EditResult,
} from './credentials-edit';

/**
 * Every shape of credentials file we have seen users keep (corpus/*.toml):
 * after writing or removing one registry's token, every byte outside that
 * key is the same, smol-toml reads the new token at the right key, and the
 * other registries' tokens are untouched. Malformed files are refused with a
 * line and column.
 */
const CORPUS = join(import.meta.dirname, 'corpus');
const MALFORMED = join(CORPUS, 'malformed');
const NEW_TOKEN = 'cioNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNE9';
const REGISTRIES = ['crates-io', 'sim', 'brand-new'];

const fixtures = readdirSync(CORPUS).filter((name) => name.endsWith('.toml'));
const malformed = readdirSync(MALFORMED).filter((name) => name.endsWith('.toml'));

function read(path: string): string {
  return readFileSync(path).toString('utf8');
}

/** A TOML string literal's value (the span of a key's value in the file). */
function literalValue(raw: string): unknown {
  return parse(`v = ${raw}`).v;
}

/** The file after the splice must be the file before with only that range replaced. */
function expectOnlySplice(before: string, result: EditResult): { removed: string; added: string } {
  const { splice } = result;
  if (!splice) throw new Error('expected a change');
  expect(result.text).toBe(
    before.slice(0, splice.start) + splice.inserted + before.slice(splice.end),
  );
  return { removed: before.slice(splice.start, splice.end), added: splice.inserted };
}

/** What an added key may look like: the token line, its table header or inline/dotted forms. */
const ADDED_SHAPE =
  /^(?:\r?\n)*(?:\[[^\]\r\n]+\]\r?\n)?[ \t]*(?:, |\s)?(?:[A-Za-z0-9_."-]+ = \{ )?(?:[A-Za-z0-9_."-]+\.)?token = "cioNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNE9"(?: \})?\s?(?:\r?\n)?$/;

describe('the credentials corpus', () => {
  it('holds at least 30 shapes of real files', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(fixtures)('%s', (name) => {
    const before = read(join(CORPUS, name));
    const document = parse(before.replace(/^\uFEFF/, ''));
    const present = registriesWithTokens(document);
    const pureCrlf = before.includes('\r\n') && !/[^\r]\n/.test(before.replace(/^\n/, 'x'));

    it.each(REGISTRIES)('writes the %s token, every other byte unchanged', (registry) => {
      const result = setCargoToken(before, registry, NEW_TOKEN);
      const { removed, added } = expectOnlySplice(before, result);
      if (removed === '') {
        // A new key: nothing but the key (and its table header or braces) is added.
        expect(added).toMatch(ADDED_SHAPE);
      } else {
        // An existing key: only its value's bytes are replaced.
        expect(literalValue(removed)).toBe(tokenIn(document, registry));
        expect(literalValue(added)).toBe(NEW_TOKEN);
      }
      if (pureCrlf) expect(added.replace(/\r\n/g, '')).not.toContain('\n');
      expect(result.text.startsWith('\uFEFF')).toBe(before.startsWith('\uFEFF'));

      const after = parse(result.text.replace(/^\uFEFF/, ''));
      expect(tokenIn(after, registry)).toBe(NEW_TOKEN);
      for (const other of present.filter((candidate) => candidate !== registry)) {
        expect(tokenIn(after, other)).toBe(tokenIn(document, other));
      }
      // Writing the same token again changes nothing.
      expect(setCargoToken(result.text, registry, NEW_TOKEN).text).toBe(result.text);
    });

    it('removes each registry token it holds, every other byte unchanged', () => {
      for (const registry of present) {
        const result = removeCargoToken(before, registry);
        const { removed, added } = expectOnlySplice(before, result);
        expect(added).toBe('');
        // What went is the one key-value (its line with its comment, or its inline item).
        const rest = removed.replace(/(=\s*)(?:"(?:[^"\\]|\\.)*"|'[^']*')/, '$1VALUE');
        expect(rest).toMatch(
          /^[\s,]*(?:[A-Za-z0-9_."'-]+\s*\.\s*)*["']?token["']?\s*=\s*VALUE\s*(?:#[^\n]*)?[\s,]*$/,
        );
        const after = parse(result.text.replace(/^\uFEFF/, ''));
        expect(tokenIn(after, registry)).toBeUndefined();
        for (const other of present.filter((candidate) => candidate !== registry)) {
          expect(tokenIn(after, other)).toBe(tokenIn(document, other));
        }
      }
    });

    it('leaves a file without that registry as it is on remove', () => {
      const result = removeCargoToken(before, 'absent-registry');
      expect(result.splice).toBeNull();
      expect(result.text).toBe(before);
    });
  });

  describe.each(malformed)('malformed %s', (name) => {
    const before = read(join(MALFORMED, name));
    it('is refused with the line and column, for write and remove', () => {
      for (const edit of [
        () => setCargoToken(before, 'sim', NEW_TOKEN, '/c/credentials.toml'),
        () => removeCargoToken(before, 'sim', '/c/credentials.toml'),
      ]) {
        expectTomlSyntaxError(edit, '/c/credentials.toml');
      }
    });
  });
});
