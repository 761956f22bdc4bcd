import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CallHandlers } from '../dispatch';
import type { TokenCache } from '../token-cache';

/** Calls after which what the watch knows has changed. */
const CHANGING_CALLS = [
  'tokens:list',
  'tokens:create',
  'tokens:import',
  'tokens:revoke',
  'tokens:rotate',
  'accounts:sign-in',
  'accounts:sign-out',
  'accounts:remove',
] as const;

/**
 * The handlers, each of the calls that change the tokens followed by a check
 * of the watch (a rotated or revoked token stops warning at once, not at the
 * next tick). A rotation that revoked the old token also takes it out of the
 * last known list, as a revocation does.
 */
export function withWatchFollowUps(
  handlers: CallHandlers,
  cache: TokenCache,
  recheck: () => void,
): CallHandlers {
  // After the answer has gone out: a list of thousands must not wait for the watch's look at it.
  const recheckSoon = (): void => {
    void nextTurn().then(recheck);
  };
  const followed: Record<string, unknown> = { ...handlers };
  for (const name of CHANGING_CALLS) {
    if (!(name in handlers)) continue;
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    followed[name] = async (input: unknown) => {
      const output = await handler(input);
      recheckSoon();
      return output;
    };
  }
  const rotate = handlers['tokens:rotate'];
  followed['tokens:rotate'] = async (input: Parameters<typeof rotate>[0]) => {
    const result = await rotate(input);
    if (result.revokedOld) await cache.forgetTokenByKey(input.key);
    recheckSoon();
    return result;
  };
  return followed as CallHandlers;
}
