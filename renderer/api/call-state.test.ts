import { describe, expect, it } from 'vitest';
import { failureFromException, settle, snapshotOf } from './call-state';

const failure = { code: 'network', message: 'The registry is unreachable.' } as const;

describe('call state', () => {
  it('is loading until the first answer', () => {
    expect(snapshotOf(null, 'a')).toEqual({
      status: 'loading',
      value: undefined,
      error: undefined,
      pending: true,
    });
  });

  it('is ready with the value once answered', () => {
    const settled = settle(null, 'a', { ok: true, value: [1, 2] });
    expect(snapshotOf(settled, 'a')).toMatchObject({
      status: 'ready',
      value: [1, 2],
      pending: false,
    });
  });

  it('keeps showing the value while a reload is in flight', () => {
    const settled = settle(null, 'a', { ok: true, value: 'old' });
    expect(snapshotOf(settled, 'b')).toMatchObject({
      status: 'ready',
      value: 'old',
      pending: true,
    });
  });

  it('keeps the last good value when a reload fails', () => {
    const first = settle(null, 'a', { ok: true, value: 'old' });
    const second = settle(first, 'b', { ok: false, error: failure });
    expect(snapshotOf(second, 'b')).toEqual({
      status: 'error',
      value: 'old',
      error: failure,
      pending: false,
    });
  });

  it('shows loading again when retrying a failure that had nothing to show', () => {
    const failed = settle<string>(null, 'a', { ok: false, error: failure });
    expect(snapshotOf(failed, 'a').status).toBe('error');
    expect(snapshotOf(failed, 'b').status).toBe('loading');
  });

  it('words exceptions from the bridge as failures', () => {
    expect(failureFromException(new Error('channel closed'))).toEqual({
      code: 'internal',
      message: "Cratekeeper's background process did not answer: channel closed",
    });
  });
});
