import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from './env';

/**
 * Records every request to an endpoint that authenticates: who (cookie, which
 * token, nobody), whether it was allowed, and why not.
 */
export const requestLogMiddleware: MiddlewareHandler<SimEnv> = async (c, next) => {
  const at = c.var.sim.clock.now().toISOString();
  await next();
  const attempt = c.get('auth');
  if (!attempt) return;
  const status = c.res.status;
  const refusal = c.get('refusal');
  // A cargo endpoint can refuse with status 200 (crates.io's cargo_compat): the refusal decides.
  const refused = status >= 400 || refusal !== undefined;
  c.var.sim.requestLog.record({
    at,
    method: c.req.method,
    endpoint: c.get('route')?.path ?? c.req.path,
    path: c.req.path,
    credential: attempt.credential,
    tokenId: attempt.tokenId,
    userId: attempt.userId,
    outcome: refused ? 'refused' : 'allowed',
    status,
    reason: refused ? (refusal?.detail ?? null) : null,
    cause: refused ? (refusal?.cause ?? null) : null,
  });
};
