import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { failure } from '../../shared/ipc/result';
import { isLoopbackAddress } from '../simulator/handlers/control/guard';
import { HARNESS_KEY_HEADER, HARNESS_KEY_PARAM } from './paths';

/** Generous for any contract input (the largest is a token builder form), small enough to refuse floods. */
export const MAX_CALL_BODY_BYTES = 1024 * 1024;

/**
 * The per-run secret that only the harness's own page learns (it is embedded
 * in the index.html the harness serves). Any local process can reach the
 * loopback port; only one that read our page can present this.
 */
export function newHarnessKey(): string {
  return randomBytes(32).toString('base64url');
}

export interface HarnessGuardOptions {
  /** The key of this run (see newHarnessKey). */
  readonly key: string;
  /** The harness's own origin, `http://127.0.0.1:PORT`; empty until the server listens. */
  readonly origin: () => string;
}

function forbidden(c: Context, message: string): Response {
  return c.json(failure('forbidden', message), 403);
}

/** `127.0.0.1:PORT` for the harness's origin; null while it has none. */
function ownHost(origin: string): string | null {
  if (origin === '') return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Every route, static files included: the Host header must name the harness
 * itself. A page on another site whose name was rebound to 127.0.0.1 (DNS
 * rebinding) is same-origin with itself, not with us, and its requests carry
 * its own name in Host; refusing them keeps it from reading the page (which
 * embeds the key) or the event stream.
 */
export function ownHostOnly(origin: () => string): MiddlewareHandler {
  return async (c, next) => {
    const expected = ownHost(origin());
    if (expected === null || c.req.header('host') !== expected) {
      return forbidden(c, 'The harness answers requests addressed to its own host only.');
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compared through fixed-length digests, so neither the content nor the length leaks through timing. */
function isKey(presented: string | undefined, key: string): boolean {
  return presented !== undefined && timingSafeEqual(digest(presented), digest(key));
}

/**
 * The contract endpoint, the harness's stand-in for Electron's sender-frame
 * check: only our own page may call the core, and `tokens:reveal` answers
 * with secrets.
 * - Origin must be exactly ours: a browser always sends it on a POST, so a
 *   missing one means a non-browser caller, and a foreign one another site.
 * - The key must come in its header (calls need no URL that could carry it).
 * - The body must be declared JSON: a cross-site form or `no-cors` fetch
 *   cannot send that type without a CORS preflight, which the harness never
 *   grants.
 * - The body is capped while it is read, so an endless body is cut off
 *   rather than buffered.
 */
export function callGuard(options: HarnessGuardOptions): MiddlewareHandler {
  const checks: MiddlewareHandler = async (c, next) => {
    const origin = options.origin();
    if (origin === '' || c.req.header('origin') !== origin) {
      return forbidden(c, 'Calls are accepted from the harness page only.');
    }
    if (!isKey(c.req.header(HARNESS_KEY_HEADER), options.key)) {
      return forbidden(c, 'Calls must carry the harness key of this run.');
    }
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return c.json(
        failure('invalid-input', 'The call body must be sent as application/json.'),
        415,
      );
    }
    await next();
  };
  const capped = bodyLimit({
    maxSize: MAX_CALL_BODY_BYTES,
    onError: (c) =>
      c.json(failure('invalid-input', 'The call body is larger than the harness accepts.'), 413),
  });
  // The cheap header checks first: a refused caller's body is never read.
  return every(checks, capped);
}

/**
 * The event stream. The page opens it with EventSource, which cannot send
 * custom headers, so the key comes as a query parameter here (the header is
 * accepted too, for Node callers). Chromium sends no Origin on a same-origin
 * EventSource GET, so a missing Origin is allowed; a present one must be ours.
 * A cross-site EventSource always sends its Origin, and a rebinding page is
 * stopped by the Host check before this.
 */
export function eventStreamGuard(options: HarnessGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== options.origin()) {
      return forbidden(c, 'Events are delivered to the harness page only.');
    }
    const presented = c.req.header(HARNESS_KEY_HEADER) ?? c.req.query(HARNESS_KEY_PARAM);
    if (!isKey(presented, options.key)) {
      return forbidden(c, 'The event stream needs the harness key of this run.');
    }
    await next();
  };
}

/** The address of the client, when the app is served by @hono/node-server; undefined otherwise. */
function remoteAddress(env: unknown): string | undefined {
  if (env === null || typeof env !== 'object' || !('incoming' in env)) return undefined;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } }).incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * The test-only `/__harness` endpoints (the recorded tray and notifications,
 * the clock): loopback clients only (the Host check runs before this for
 * every route). They take no key: acceptance checks call them from outside
 * the page, and none of them answers a secret.
 */
export function loopbackClientsOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!isLoopbackAddress(remoteAddress(c.env))) {
      return forbidden(c, 'The harness endpoints answer loopback clients only.');
    }
    await next();
  };
}

/** Small: the largest control body is a clock setting. */
export const MAX_CONTROL_BODY_BYTES = 4 * 1024;

/**
 * A `/__harness` POST changes the app's state (its clock): a browser page on
 * another site must not be able to send one. It needs a JSON body (which a
 * cross-site page cannot send without a preflight the harness never grants)
 * and, when it carries an Origin, ours.
 */
export function controlPostGuard(origin: () => string): MiddlewareHandler {
  const checks: MiddlewareHandler = async (c, next) => {
    const sent = c.req.header('origin');
    if (sent !== undefined && sent !== origin()) {
      return forbidden(c, 'The harness endpoints accept no calls from other sites.');
    }
    const mediaType = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      return c.json(failure('invalid-input', 'The body must be sent as application/json.'), 415);
    }
    await next();
  };
  const capped = bodyLimit({
    maxSize: MAX_CONTROL_BODY_BYTES,
    onError: (c) => c.json(failure('invalid-input', 'The body is too large.'), 413),
  });
  return every(checks, capped);
}
