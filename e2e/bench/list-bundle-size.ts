import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUILT_RENDERER } from '../harness/renderer-files';

export interface ScriptSizes {
  /** The files counted, relative to the renderer's folder. */
  readonly files: readonly string[];
  readonly rawBytes: number;
  /** Each file compressed on its own with gzip -9, summed. */
  readonly gzipBytes: number;
}

export const gzip9 = (bytes: Uint8Array): number => gzipSync(bytes, { level: 9 }).length;

/** `src` of module scripts and `href` of modulepreload links: what index.html loads before the app runs. */
function eagerScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attribute = (name: string) =>
      new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (tag.toLowerCase().startsWith('<script')) {
      const src = attribute('src');
      if (src !== undefined) found.push(src);
    } else if (attribute('rel')?.toLowerCase() === 'modulepreload') {
      const href = attribute('href');
      if (href !== undefined) found.push(href);
    }
  }
  return found;
}

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` (not `import("./x.js")`). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) {
    if (match[1] !== undefined) found.push(match[1]);
  }
  return found;
}

/**
 * The renderer's initial JavaScript: the scripts and module preloads in the
 * built index.html, and whatever they import statically (which the browser
 * must fetch before the app starts), each gzipped -9. Lazy chunks, loaded by
 * `import()`, are left out.
 */
export async function initialRendererJs(dir = BUILT_RENDERER.dir): Promise<ScriptSizes> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const queue = eagerScripts(html)
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => resolve(dir, src));
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const bytes = await readFile(file);
    rawBytes += bytes.length;
    gzipBytes += gzip9(bytes);
    for (const imported of staticImports(bytes.toString('utf8'))) {
      if (imported.startsWith('.')) queue.push(resolve(dirname(file), imported));
    }
  }
  return { files: [...seen].map((file) => relative(dir, file)), rawBytes, gzipBytes };
}

/** The harness bridge, which the harness adds to the page (Electron's preload stands in for it). */
export async function bridgeJs(): Promise<ScriptSizes> {
  const bytes = await readFile(BUILT_RENDERER.bridgePath);
  return {
    files: [relative(dirname(BUILT_RENDERER.bridgePath), BUILT_RENDERER.bridgePath)],
    rawBytes: bytes.length,
    gzipBytes: gzip9(bytes),
  };
}
