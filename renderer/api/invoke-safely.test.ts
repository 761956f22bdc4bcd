import { describe, expect, it } from 'vitest';
import type { CratekeeperApi } from '../../shared/ipc/api';
import { invokeSafely } from './invoke-safely';

function apiAnswering(lock: () => Promise<unknown>): CratekeeperApi {
  return { invoke: { 'vault:lock': lock }, subscribe: {} } as unknown as CratekeeperApi;
}

describe('invokeSafely', () => {
  it("passes the core's answer through", async () => {
    const answer = { ok: false, error: { code: 'locked', message: 'Locked.' } };
    await expect(
      invokeSafely(
        apiAnswering(() => Promise.resolve(answer)),
        'vault:lock',
        {},
      ),
    ).resolves.toBe(answer);
  });

  it('turns a broken bridge into a failure instead of a rejection', async () => {
    const api = apiAnswering(() => Promise.reject(new Error('channel closed')));
    await expect(invokeSafely(api, 'vault:lock', {})).resolves.toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: "Cratekeeper's background process did not answer: channel closed",
      },
    });
  });
});
