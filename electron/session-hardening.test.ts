import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import {
  denyAllPermissions,
  enforceContentSecurityPolicy,
  withContentSecurityPolicy,
} from './session-hardening';
import { FakeSession } from './test-support/fake-electron';

function hardened(): FakeSession {
  const fake = new FakeSession(null);
  const session = fake as unknown as Session;
  enforceContentSecurityPolicy(session, CONTENT_SECURITY_POLICY);
  denyAllPermissions(session);
  return fake;
}

describe('enforceContentSecurityPolicy', () => {
  it('adds the policy to documents, top frame and subframes', () => {
    const session = hardened();
    for (const resourceType of ['mainFrame', 'subFrame']) {
      expect(session.headersFor(resourceType)?.responseHeaders).toEqual({
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      });
    }
  });

  it('leaves other responses untouched', () => {
    const session = hardened();
    expect(session.headersFor('xhr', { 'Content-Type': ['application/json'] })).toEqual({});
    expect(session.headersFor('script')).toEqual({});
  });
});

describe('withContentSecurityPolicy', () => {
  it('keeps a policy the server sent, whatever its casing, and adds ours', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ["img-src 'none'"], 'Content-Type': ['text/html'] },
      CONTENT_SECURITY_POLICY,
    );
    expect(headers).toEqual({
      'content-security-policy': ["img-src 'none'", CONTENT_SECURITY_POLICY],
      'Content-Type': ['text/html'],
    });
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const session = hardened();
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(session.permissionCheckHandler?.(null, 'geolocation', 'file://', {})).toBe(false);
  });
});
