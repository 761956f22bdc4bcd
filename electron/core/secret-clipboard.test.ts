import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretClipboard } from './secret-clipboard';
import { MemoryClipboard } from './test-support/memory-clipboard';

const SECRET = 'cioAbcdefghijklmnopqrstuvwxyz012345';

function setUp(seconds = 30) {
  const clipboard = new MemoryClipboard();
  const secrets = new SecretClipboard({
    clipboard,
    clock: { now: () => new Date() },
    clearAfterSeconds: () => seconds,
  });
  return { clipboard, secrets };
}

describe('SecretClipboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-29T10:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts the secret on the clipboard and says when it will be cleared', async () => {
    const { clipboard, secrets } = setUp(30);
    const copied = await secrets.copy(SECRET);
    expect(clipboard.text).toBe(SECRET);
    expect(copied).toEqual({ clearsAt: '2026-11-29T10:00:30.000Z', clearAfterSeconds: 30 });
  });

  it('empties the clipboard after the configured time', async () => {
    const { clipboard, secrets } = setUp(30);
    await secrets.copy(SECRET);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(clipboard.text).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(clipboard.text).toBe('');
    expect(secrets.holdsSecret()).toBe(false);
  });

  it('leaves alone what the user copied after the secret', async () => {
    const { clipboard, secrets } = setUp(30);
    await secrets.copy(SECRET);
    clipboard.text = 'cargo publish --dry-run';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('cargo publish --dry-run');
  });

  it('a second copy restarts the delay and only the newest secret is cleared', async () => {
    const { clipboard, secrets } = setUp(30);
    await secrets.copy(SECRET);
    await vi.advanceTimersByTimeAsync(20_000);
    await secrets.copy(`${SECRET}X`);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(clipboard.text).toBe(`${SECRET}X`);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(clipboard.text).toBe('');
  });

  it('clears at once on request (vault lock, quit) if the secret is still there', async () => {
    const { clipboard, secrets } = setUp(30);
    await secrets.copy(SECRET);
    await expect(secrets.clearIfOurs()).resolves.toBe(true);
    expect(clipboard.text).toBe('');
    await expect(secrets.clearIfOurs()).resolves.toBe(false);
  });
});
