import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../../models/user';
import { consentPage, escapeHtml } from './consent-page';

function user(login: string, name: string | null): UserRecord {
  return {
    id: 1,
    login,
    name,
    email: null,
    avatar: null,
    emailVerified: true,
    isAdmin: false,
    publishNotifications: true,
    createdAt: new Date(0),
    githubId: 1,
    githubLinked: true,
  };
}

describe('consentPage', () => {
  it('escapes what the seed and the query put in the page', () => {
    const page = consentPage([user('a"b', '<script>x</script>')], {
      clientId: 'c',
      state: '"><script>',
      scope: undefined,
    });
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="a&quot;b" checked');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(page).not.toContain('name="scope"');
  });

  it('submits to wherever it is served from (no action), by GET', () => {
    const page = consentPage([user('ferris', null)], { clientId: 'c', state: 's', scope: 'x' });
    expect(page).toContain('<form method="get">');
    expect(page).toContain('<button type="submit">Authorize</button>');
  });

  it('escapeHtml leaves plain text alone', () => {
    expect(escapeHtml('ferris-1')).toBe('ferris-1');
  });
});
