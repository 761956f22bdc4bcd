import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiTokenWire } from '../../shared/domain/api-token';
import { sameTokens, stillListed, TokenCache, tokenCacheFilePath } from './token-cache';

const T0 = new Date('2026-06-01T00:00:00Z');
const MINUTE = 60 * 1000;

function wire(id: number, extra: Partial<ApiTokenWire> = {}): ApiTokenWire {
  return {
    id,
    name: `token ${id}`,
    created_at: '2026-01-01T00:00:00Z',
    last_used_at: null,
    expired_at: null,
    endpoint_scopes: ['publish-update'],
    crate_scopes: ['serde*'],
    ...extra,
  };
}

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'cratekeeper-token-cache-'));
}

function fileText(dir: string): string {
  return readFileSync(tokenCacheFilePath(dir), 'utf8');
}

describe('TokenCache', () => {
  it('round-trips each account’s last answer through its owner-only file', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    expect(await cache.get('one.test#1')).toBeNull();
    await cache.remember('one.test#1', [wire(1), wire(2)], 30, T0);
    await cache.remember('two.test#2', [wire(9)], undefined, T0);

    if (process.platform !== 'win32') {
      expect(statSync(tokenCacheFilePath(dir)).mode & 0o777).toBe(0o600);
    }
    const reopened = await TokenCache.open(dir);
    expect(await reopened.get('one.test#1')).toEqual({
      accountId: 'one.test#1',
      fetchedAt: T0.toISOString(),
      expiredDays: 30,
      tokens: [wire(1), wire(2)],
    });
    expect(await reopened.get('two.test#2')).toMatchObject({
      expiredDays: null,
      tokens: [wire(9)],
    });
  });

  it('never keeps or writes a field the list schema does not declare', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    const secret = `cio${'s'.repeat(32)}`;
    const withSecret = { ...wire(1), token: secret, plaintext: secret } as ApiTokenWire;
    await cache.remember('one.test#1', [withSecret], undefined, T0);

    expect(fileText(dir)).not.toContain(secret);
    expect(fileText(dir)).not.toContain('"token"');
    expect((await cache.get('one.test#1'))?.tokens).toEqual([wire(1)]);
  });

  it.each([
    ['not JSON', '{"format": "cratekeeper-tok'],
    ['another format', JSON.stringify({ format: 'cratekeeper-vault', version: 1, accounts: [] })],
    [
      'a newer version',
      JSON.stringify({ format: 'cratekeeper-token-cache', version: 2, accounts: [] }),
    ],
    [
      'a malformed token',
      JSON.stringify({
        format: 'cratekeeper-token-cache',
        version: 1,
        accounts: [
          { accountId: 'a#1', fetchedAt: T0.toISOString(), expiredDays: null, tokens: [{}] },
        ],
      }),
    ],
  ])('ignores a file holding %s, and replaces it on the next answer', async (_, text) => {
    const dir = freshDir();
    writeFileSync(tokenCacheFilePath(dir), text);
    const cache = await TokenCache.open(dir);
    expect(await cache.get('a#1')).toBeNull();
    await cache.remember('a#1', [wire(1)], undefined, T0);
    expect((await (await TokenCache.open(dir)).get('a#1'))?.tokens).toEqual([wire(1)]);
  });

  it('forgets a removed account, in memory and in the file', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    await cache.remember('one.test#1', [wire(1)], undefined, T0);
    await cache.remember('two.test#2', [wire(9)], undefined, T0);
    await cache.forget('one.test#1');

    expect(await cache.get('one.test#1')).toBeNull();
    expect(fileText(dir)).not.toContain('one.test#1');
    const reopened = await TokenCache.open(dir);
    expect(await reopened.get('one.test#1')).toBeNull();
    expect(await reopened.get('two.test#2')).not.toBeNull();
  });

  it('drops a revoked token named by its list key', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    await cache.remember('one.test#1', [wire(1), wire(2)], undefined, T0);
    await cache.forgetTokenByKey('one.test#1/2');
    await cache.forgetTokenByKey('imported/abc');

    expect((await (await TokenCache.open(dir)).get('one.test#1'))?.tokens).toEqual([wire(1)]);
  });

  it('rewrites the file only when the answer changed or its time lags by a quarter hour', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    await cache.remember('one.test#1', [wire(1)], undefined, T0);
    const first = fileText(dir);

    const soon = new Date(T0.getTime() + 5 * MINUTE);
    await cache.remember('one.test#1', [wire(1)], undefined, soon);
    expect(fileText(dir)).toBe(first);
    // Memory has the newer time even when the file is left alone.
    expect((await cache.get('one.test#1'))?.fetchedAt).toBe(soon.toISOString());

    const used = new Date(T0.getTime() + 6 * MINUTE);
    await cache.remember('one.test#1', [wire(1, { last_used_at: used.toISOString() })], 0, used);
    expect(fileText(dir)).toContain(used.toISOString());

    const later = new Date(T0.getTime() + 30 * MINUTE);
    await cache.remember('one.test#1', [wire(1, { last_used_at: used.toISOString() })], 0, later);
    expect(fileText(dir)).toContain(later.toISOString());
  });

  it('keeps the newer answer when two refreshes finish out of order', async () => {
    const cache = await TokenCache.open(freshDir());
    await cache.remember('one.test#1', [wire(2)], undefined, new Date(T0.getTime() + MINUTE));
    await cache.remember('one.test#1', [wire(1)], undefined, T0);
    expect((await cache.get('one.test#1'))?.tokens).toEqual([wire(2)]);
  });

  it('starts empty, without failing, when the data folder cannot be read', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(join(dir, 'missing', 'deeper'));
    expect(await cache.get('a#1')).toBeNull();
  });
});

describe('stillListed', () => {
  const list = {
    accountId: 'one.test#1',
    fetchedAt: T0.toISOString(),
    expiredDays: 30,
    tokens: [
      wire(1),
      wire(2, { expired_at: '2026-06-10T00:00:00Z' }),
      wire(3, { expired_at: '2026-05-20T00:00:00Z' }),
    ],
  };

  it('leaves out what the registry would no longer list now', () => {
    const now = new Date('2026-06-11T00:00:00Z');
    expect(stillListed(list, now, undefined).map((token) => token.id)).toEqual([1]);
    expect(stillListed(list, now, 30).map((token) => token.id)).toEqual([1, 2, 3]);
    expect(stillListed(list, now, 5).map((token) => token.id)).toEqual([1, 2]);
  });
});

describe('TokenCache writes', () => {
  it('coalesces the answers of many accounts into one write, all of them kept', async () => {
    const dir = freshDir();
    let writes = 0;
    const cache = await TokenCache.open(dir, async (path, data) => {
      writes += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      writeFileSync(path, data, { mode: 0o600 });
    });
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        cache.remember(`acct#${index}`, [wire(index + 1)], undefined, T0),
      ),
    );
    await cache.settled();
    // All ten join the write queued by the first; it used to be ten writes.
    expect(writes).toBe(1);
    // Later changes get a write of their own, again shared.
    const during = cache.remember('acct#late', [wire(99)], undefined, T0);
    await cache.remember('acct#later', [wire(98)], undefined, T0);
    await during;
    expect(writes).toBe(2);
    const document = JSON.parse(fileText(dir)) as { accounts: unknown[] };
    expect(document.accounts).toHaveLength(12);
  });

  it('writes the answers of ten accounts handed over together once, after the caller moved on', async () => {
    const dir = freshDir();
    let writes = 0;
    const cache = await TokenCache.open(dir, (path, data) => {
      writes += 1;
      writeFileSync(path, data, { mode: 0o600 });
      return Promise.resolve();
    });
    const answers = Array.from({ length: 10 }, (_, index) => ({
      accountId: `acct#${index}`,
      tokens: [wire(index + 1)],
    }));
    cache.rememberSoon(answers, undefined, T0);
    expect(writes).toBe(0);
    await cache.settled();
    expect(writes).toBe(1);
    expect(await cache.get('acct#9')).toMatchObject({ tokens: [wire(10)] });
    // The same answers again change nothing worth a write.
    cache.rememberSoon(answers, undefined, new Date(T0.getTime() + MINUTE));
    await cache.settled();
    expect(writes).toBe(1);
  });

  it('keeps answers handed over for later at once when they are asked for first', async () => {
    const dir = freshDir();
    const cache = await TokenCache.open(dir);
    cache.rememberSoon([{ accountId: 'acct#1', tokens: [wire(1)] }], undefined, T0);
    // A refresh failing right after, before the answers were kept, still finds them.
    expect(await cache.get('acct#1')).toMatchObject({ tokens: [wire(1)] });
    await cache.settled();
    const reopened = await TokenCache.open(dir);
    expect(await reopened.get('acct#1')).toMatchObject({ tokens: [wire(1)] });
  });

  it('reads nothing at open: the file is read on first use', async () => {
    const dir = freshDir();
    writeFileSync(tokenCacheFilePath(dir), 'not json');
    const cache = await TokenCache.open(dir);
    // A file that appears before first use is the one read.
    const good = await TokenCache.open(freshDir());
    await good.remember('a#1', [wire(1)], undefined, T0);
    expect(await cache.get('a#1')).toBeNull();
  });
});

describe('sameTokens', () => {
  it('compares field by field, null and absent alike', () => {
    expect(sameTokens([wire(1)], [wire(1)])).toBe(true);
    expect(sameTokens([wire(1)], [wire(1, { last_used_at: undefined })])).toBe(true);
    expect(sameTokens([wire(1)], [wire(2)])).toBe(false);
    expect(sameTokens([wire(1)], [wire(1, { crate_scopes: ['serde*', 'x'] })])).toBe(false);
    expect(sameTokens([wire(1)], [wire(1, { endpoint_scopes: null })])).toBe(false);
    expect(sameTokens([wire(1)], [wire(1), wire(2)])).toBe(false);
  });
});
