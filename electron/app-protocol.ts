import { readFile } from 'node:fs/promises';
import { resolveAppRequest } from './app-request';

/** Reads a whole file; in Electron's main process `fs` also reads inside app.asar. */
export type ReadFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

export interface AppProtocolLog {
  error(message: string): void;
}

/** Errors that mean "there is no such file", as opposed to "reading it failed". */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function isMissing(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    MISSING.has(error.code)
  );
}

function plainText(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * The `protocol.handle('app', …)` handler: serves files of the renderer's
 * build folder `root` as resolveAppRequest allows, with `csp` on the page.
 * It always answers (an exception would reach Chromium as a bare network
 * error): 4xx for refusals and missing files, 500 when reading fails.
 */
export function appProtocolHandler(
  root: string,
  csp: string,
  log: AppProtocolLog,
  read: ReadFile = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const plan = resolveAppRequest(request, root, csp);
    if (plan.kind === 'refused') return plainText(plan.status, `Refused: ${plan.reason}.`);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(plan.path);
    } catch (error) {
      if (isMissing(error)) return plainText(404, 'Not found.');
      log.error(`Could not read ${request.url}: ${String(error)}`);
      return plainText(500, 'Could not read the file.');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: plan.headers,
    });
  };
}
