import { describe, expect, it, vi } from 'vitest';
import type { CallHandlers } from '../dispatch';
import type { TokenCache } from '../token-cache';
import { withWatchFollowUps } from './follow-ups';

function handlersAnswering(revokedOld: boolean): CallHandlers {
  const answer = (value: unknown) => () => Promise.resolve(value);
  return {
    'tokens:rotate': answer({ created: {}, revokedOld, message: null }),
    'tokens:revoke': answer({ key: 'a#1/1' }),
    'tokens:reveal': answer({ secret: 's' }),
  } as unknown as CallHandlers;
}

describe('withWatchFollowUps', () => {
  it('takes a rotated token out of the last known list and has the watch look again, after answering', async () => {
    const forgotten: string[] = [];
    const cache = {
      forgetTokenByKey: (key: string) => {
        forgotten.push(key);
        return Promise.resolve();
      },
    } as unknown as TokenCache;
    const recheck = vi.fn();
    const handlers = withWatchFollowUps(handlersAnswering(true), cache, recheck);

    await handlers['tokens:rotate']({ key: 'a#1/1', expiresAt: null });
    expect(forgotten).toEqual(['a#1/1']);
    // Not yet: the answer goes out first.
    expect(recheck).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(recheck).toHaveBeenCalledTimes(1);
    });
  });

  it('keeps a token whose revocation failed, and leaves calls that change nothing alone', async () => {
    const forget = vi.fn();
    const cache = { forgetTokenByKey: forget } as unknown as TokenCache;
    const recheck = vi.fn();
    const handlers = withWatchFollowUps(handlersAnswering(false), cache, recheck);
    await handlers['tokens:rotate']({ key: 'a#1/1', expiresAt: null });
    await handlers['tokens:reveal']({ key: 'a#1/1' });
    await vi.waitFor(() => {
      expect(recheck).toHaveBeenCalledTimes(1);
    });
    expect(forget).not.toHaveBeenCalled();
  });
});
