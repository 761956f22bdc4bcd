import { setTimeout as sleep } from 'node:timers/promises';
import type { MiddlewareHandler } from 'hono';
import type { SimEnv } from './env';

/** Delays every answer by the configured latency, like a far-away registry. */
export const latencyMiddleware: MiddlewareHandler<SimEnv> = async (c, next) => {
  const delay = c.var.sim.latencyMs;
  if (delay > 0) await sleep(delay);
  await next();
};
