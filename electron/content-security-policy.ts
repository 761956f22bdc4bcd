/**
 * The renderer's Content-Security-Policy, kept here once. The shell sends it
 * as a response header (session-hardening.ts); the renderer's index.html
 * carries the meta variant, and a test can compare that tag with the export.
 */
type Directives = Readonly<Record<string, readonly string[]>>;

const POLICY: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // MUI/emotion injects style elements at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': [
    "'self'",
    'data:',
    'https://avatars.githubusercontent.com',
    'https://*.githubusercontent.com',
  ],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Browsers honour these only in a header, and log an error for them in a meta tag. */
const HEADER_ONLY = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * What Vite's dev server needs on top (`electron-forge start` only): React
 * Fast Refresh's inline module script and the HMR websocket.
 */
const DEV_SERVER_ADDITIONS: Directives = {
  'script-src': ["'unsafe-inline'"],
  'connect-src': ['ws://localhost:*', 'ws://127.0.0.1:*'],
};

function serialize(directives: Directives, omit: readonly string[] = []): string {
  return Object.entries(directives)
    .filter(([name]) => !omit.includes(name))
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

function withAdditions(base: Directives, additions: Directives): Directives {
  return Object.fromEntries(
    Object.entries(base).map(([name, sources]) => [name, [...sources, ...(additions[name] ?? [])]]),
  );
}

/** The policy as a response header, for the built app. */
export const CONTENT_SECURITY_POLICY = serialize(POLICY);

/** The same policy for `<meta http-equiv="Content-Security-Policy">`: without header-only directives. */
export const META_CONTENT_SECURITY_POLICY = serialize(POLICY, HEADER_ONLY);

/** The header while the page comes from Vite's dev server; never used for a built page. */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = serialize(
  withAdditions(POLICY, DEV_SERVER_ADDITIONS),
);
