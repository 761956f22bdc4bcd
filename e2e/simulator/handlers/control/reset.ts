import { z } from 'zod';
import type { Route } from '../../http/env';
import { badRequest } from '../../http/errors';
import { readJsonBody } from '../../http/json-body';
import { loadSeed } from '../../seeds/load';
import { CONTROL_PREFIX } from './guard';

const resetSchema = z.strictObject({ seed: z.string().min(1).optional() });

/**
 * `POST /__control/reset` `{seed?}`: a fresh copy of the seed (or another one):
 * data, clock, faults, latency, logs and switches all back to their start.
 */
export const resetSimulator: Route = {
  method: 'POST',
  path: `${CONTROL_PREFIX}/reset`,
  handle: async (c) => {
    // Hono caches the body, so peeking at it first does not consume it.
    const empty = (await c.req.text()).trim() === '';
    const { seed } = empty ? {} : await readJsonBody(c, resetSchema);
    let loaded;
    try {
      loaded = seed === undefined ? undefined : loadSeed(seed);
    } catch (error) {
      throw badRequest(error instanceof Error ? error.message : String(error));
    }
    c.var.sim.reset(loaded);
    return c.json({ ok: true, users: c.var.sim.users.length, tokens: c.var.sim.tokens.length });
  },
};
