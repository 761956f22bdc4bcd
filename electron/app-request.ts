import { isAbsolute, join, relative } from 'node:path';
import { APP_HOST, APP_INDEX_PATH, APP_SCHEME } from './app-scheme';
import { mimeTypeFor } from './mime-types';

/** What to answer an app:// request with: a file to send, or a refusal. */
export type AppRequestPlan =
  | {
      readonly kind: 'file';
      readonly path: string;
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'refused'; readonly status: 400 | 404 | 405; readonly reason: string };

/**
 * A path segment we serve: the names Vite gives files and folders (letters,
 * digits, `_`, `-` and dots), never starting with a dot, so `.`, `..` and
 * hidden files are out. Checked after percent-decoding, so `%2e%2e`, an
 * encoded `/` or `\`, a NUL or a drive letter (`C:`) cannot slip through.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

function refused(status: 400 | 404 | 405, reason: string): AppRequestPlan {
  return { kind: 'refused', status, reason };
}

/** The decoded path segments of `pathname`, or null if any is not one we serve. */
function safeSegments(pathname: string): string[] | null {
  // Chromium canonicalises `app://cratekeeper` to `/`; Node's URL leaves it empty.
  const path = pathname === '/' || pathname === '' ? APP_INDEX_PATH : pathname;
  const segments: string[] = [];
  for (const encoded of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return null;
    }
    if (!SAFE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * Maps a request for `app://cratekeeper/<path>` to a file inside `root` (the
 * renderer's build folder) and the headers to send with it. Pure: it neither
 * reads nor checks the disk, so a file it names may still be missing (the
 * handler answers 404 then).
 *
 * Refused: any method but GET and HEAD; another scheme, host, port or any
 * credentials; a path that leaves `root` or names a hidden file, a folder or
 * a type we do not serve. HTML gets `csp` as its Content-Security-Policy
 * header; everything gets `nosniff`, so the type we send is the type used.
 */
export function resolveAppRequest(
  request: { readonly method: string; readonly url: string },
  root: string,
  csp: string,
): AppRequestPlan {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refused(405, 'only GET and HEAD');
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refused(400, 'not a URL');
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.host !== APP_HOST ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return refused(404, 'not the app');
  }
  const segments = safeSegments(url.pathname);
  if (!segments) return refused(404, 'not a file of the app');
  const path = join(root, ...segments);
  // Cannot happen with safe segments; kept so that a change to the rule above
  // can never turn into a way out of the folder.
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return refused(404, 'not a file of the app');
  }
  const contentType = mimeTypeFor(segments.at(-1) ?? '');
  if (!contentType) return refused(404, 'not a type the app serves');
  return {
    kind: 'file',
    path,
    headers: {
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      ...(contentType.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
    },
  };
}
