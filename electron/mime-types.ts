/**
 * The types the app:// handler serves, by extension. A file of any other type
 * is not served at all: the renderer's build has none, and guessing (or
 * letting Chromium sniff) is how a data file ends up run as a script. Module
 * scripts in particular load only with a JavaScript type.
 */
const MIME_TYPES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json; charset=utf-8',
    svg: 'image/svg+xml',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    ico: 'image/x-icon',
    woff: 'font/woff',
    woff2: 'font/woff2',
    ttf: 'font/ttf',
    txt: 'text/plain; charset=utf-8',
  }),
);

/** The Content-Type for `fileName`, or null when we do not serve its type. */
export function mimeTypeFor(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return null;
  // A Map, not an object: `x.constructor` must not find Object.prototype's.
  return MIME_TYPES.get(fileName.slice(dot + 1).toLowerCase()) ?? null;
}
