import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../core';
import type { Fetch } from '../ports';
import { MemoryMetadataStore } from '../store/memory-metadata-store';
import { instantRetry } from './instant-retry';
import { MemoryClipboard } from './memory-clipboard';
import { memoryKeychain } from './memory-keychain';

/**
 * A core on in-memory ports and a fresh data folder, signed in to
 * `https://one.test` (account `one.test#1` once `/me` answers user 1) over
 * the given fetch: for tests that drive the core against a fake registry.
 */
export async function signedInCore(fetch: Fetch): Promise<Core> {
  const core = await createCore({
    fetch,
    clock: { now: () => new Date('2026-06-01T00:00:00Z') },
    signInWindow: { signIn: () => Promise.resolve('cookie') },
    events: { emit: () => undefined },
    dataDir: mkdtempSync(join(tmpdir(), 'cratekeeper-core-')),
    store: new MemoryMetadataStore(),
    keychain: memoryKeychain(),
    clipboard: new MemoryClipboard(),
    readRetry: instantRetry(),
  });
  await core.signIn({ name: 'one', baseUrl: 'https://one.test' });
  return core;
}
