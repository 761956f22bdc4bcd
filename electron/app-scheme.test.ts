import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  isAppPageUrl,
  registerAppScheme,
} from './app-scheme';

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard, secure scheme that fetches only its own files', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('grants nothing that would loosen CSP, CORS or service workers', () => {
    const privileges = APP_SCHEME_PRIVILEGES.privileges ?? {};
    expect(privileges.bypassCSP).toBeUndefined();
    expect(privileges.corsEnabled).toBeUndefined();
    expect(privileges.allowServiceWorkers).toBeUndefined();
  });

  it('is registered in one call', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([[APP_SCHEME_PRIVILEGES]]);
  });
});

describe('isAppPageUrl', () => {
  it('is our index.html on our host, with any query or hash', () => {
    expect(APP_INDEX_URL).toBe('app://cratekeeper/index.html');
    expect(isAppPageUrl(new URL(APP_INDEX_URL))).toBe(true);
    expect(isAppPageUrl(new URL(`${APP_INDEX_URL}?a=1#/b`))).toBe(true);
    expect(isAppPageUrl(new URL('app://cratekeeper/other.html'))).toBe(false);
    expect(isAppPageUrl(new URL('app://other/index.html'))).toBe(false);
    expect(isAppPageUrl(new URL('file:///index.html'))).toBe(false);
  });
});
