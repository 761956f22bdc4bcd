import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { expect } from 'vitest';
import { describeKillTest, KILL_TEST_PAYLOAD_CHARS } from '../vault/test-support/kill-test';
import { removeLeftoverCopies } from './credentials-file';

/**
 * PRODUCT.md, "Nothing lost", for cargo's credentials file: a writer
 * SIGKILLed at random moments, again and again, leaves a file cargo can read,
 * with every byte of the user's comments, owner-only, holding the last
 * written token or the one in flight. Leftover temporary copies (plaintext
 * tokens) are removed the way the app does before it writes.
 */
const FILE = 'credentials.toml';
/** A large comment, so each write takes long enough to be killed inside. */
const COMMENT = `# ${'a comment the user wrote '.repeat(KILL_TEST_PAYLOAD_CHARS / 25)}\r\n`;
const TAIL = '\r\n[registry]   # crates.io\r\ntoken = "cio-kept"';

describeKillTest('cargo credentials file under SIGKILL', {
  child: join(import.meta.dirname, 'test-support/credentials-writer.child.ts'),
  tempFilePrefix: `${FILE}.`,
  prepare: async (cargoHome) => {
    await writeFile(
      join(cargoHome, FILE),
      `${COMMENT}[registries.sim]\r\ntoken = "generation-0"\r\n${TAIL}`,
      { mode: 0o600 },
    );
  },
  check: async (cargoHome) => {
    const leftovers = (await readdir(cargoHome)).filter((name) => name !== FILE);
    expect(leftovers.every((name) => /^credentials\.toml\.\d+$/.test(name))).toBe(true);
    await removeLeftoverCopies(join(cargoHome, FILE));
    expect(await readdir(cargoHome)).toEqual([FILE]);

    const text = await readFile(join(cargoHome, FILE), 'utf8');
    const match = /^token = "generation-(\d+)"\r$/m.exec(text);
    const generation = Number(match?.[1]);
    // Byte for byte the user's file, with only the token's value changed.
    expect(text).toBe(
      `${COMMENT}[registries.sim]\r\ntoken = "generation-${generation}"\r\n${TAIL}`,
    );
    expect(parse(text)).toMatchObject({ registry: { token: 'cio-kept' } });
    expect((await stat(join(cargoHome, FILE))).mode & 0o777).toBe(0o600);
    return { generation, midWrite: leftovers.length > 0 };
  },
});
