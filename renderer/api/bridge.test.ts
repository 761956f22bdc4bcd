import { describe, expect, it } from 'vitest';
import { API_GLOBAL } from '../../shared/ipc/api';
import { isCratekeeperApi, readBridge } from './bridge';

describe('readBridge', () => {
  it('finds the API under its global name', () => {
    const api = { invoke: {}, subscribe: {} };
    expect(readBridge({ [API_GLOBAL]: api })).toBe(api);
  });

  it('answers null when the page was opened without a bridge', () => {
    expect(readBridge({})).toBeNull();
  });

  it('rejects values that are not shaped like the API', () => {
    expect(isCratekeeperApi(null)).toBe(false);
    expect(isCratekeeperApi('cratekeeper')).toBe(false);
    expect(isCratekeeperApi({ invoke: {} })).toBe(false);
    expect(isCratekeeperApi({ invoke: null, subscribe: {} })).toBe(false);
  });
});
