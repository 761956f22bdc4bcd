import type { Session } from 'electron';

const CSP_HEADER = 'Content-Security-Policy';

/**
 * Adds `policy` to every document the session loads from the network, which
 * is the dev server's page. The built page's app:// handler sends the header
 * itself (app-request.ts), so it does not depend on webRequest seeing custom
 * protocols; were it to, the same policy twice changes nothing. The meta tag
 * in index.html is the last line of defence.
 */
export function enforceContentSecurityPolicy(
  session: Pick<Session, 'webRequest'>,
  policy: string,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, policy) });
  });
}

/**
 * The response headers with our policy added. A policy the server already
 * sent stays: browsers enforce every policy, so adding ours only narrows.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]>,
  policy: string,
): Record<string, string[]> {
  const existing = Object.keys(headers).find(
    (name) => name.toLowerCase() === 'content-security-policy',
  );
  const key = existing ?? CSP_HEADER;
  return { ...headers, [key]: [...(headers[key] ?? []), policy] };
}

/**
 * Refuses every permission request and check: the app needs no camera,
 * notifications from pages, geolocation or the like (Electron security
 * checklist, "Handle session permission requests from remote content").
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
