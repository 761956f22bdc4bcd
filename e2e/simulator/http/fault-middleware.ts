import type { MiddlewareHandler } from 'hono';
import type { Fault } from '../state/faults';
import type { SimContext, SimEnv } from './env';
import { errorEnvelope } from './errors';
import { slowBody, truncateBody } from './fault-responses';

const DEFAULT_RETRY_AFTER_SECONDS = 30;
const DEFAULT_SLOW_BODY_MS = 2000;

function errorAnswer(c: SimContext, fault: Fault): Response {
  switch (fault.kind) {
    case 'http-429':
      c.header('Retry-After', String(fault.retry_after_seconds ?? DEFAULT_RETRY_AFTER_SECONDS));
      return c.json(errorEnvelope(fault.message ?? 'Too many requests'), 429);
    case 'http-503':
      return c.json(errorEnvelope(fault.message ?? 'Service Unavailable'), 503);
    default:
      return c.json(errorEnvelope(fault.message ?? 'Internal Server Error'), 500);
  }
}

// Hono merges the old answer's headers into a replacement (Content-Length
// included), so drop the old one first; the replacement carries its headers.
function replaceResponse(c: SimContext, response: Response): void {
  c.res = undefined;
  c.res = response;
}

/** Injects the faults tests ask for, before (or around) the real handler. */
export const faultMiddleware: MiddlewareHandler<SimEnv> = async (c, next) => {
  const fault = c.var.sim.faults.take(c.req.method, c.req.path);
  if (!fault) {
    await next();
    return;
  }
  switch (fault.kind) {
    case 'reset':
      // Drop the TCP connection without an answer: the client sees a network error.
      c.env.incoming.socket.resetAndDestroy();
      return c.body(null, 500);
    case 'truncated-json':
      await next();
      replaceResponse(c, await truncateBody(c.res));
      return;
    case 'slow-body':
      await next();
      replaceResponse(c, await slowBody(c.res, fault.delay_ms ?? DEFAULT_SLOW_BODY_MS));
      return;
    default:
      return errorAnswer(c, fault);
  }
};
