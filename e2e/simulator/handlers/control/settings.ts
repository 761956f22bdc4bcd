import { z } from 'zod';
import type { Route } from '../../http/env';
import { readJsonBody } from '../../http/json-body';
import { CONTROL_PREFIX } from './guard';

const latencySchema = z.strictObject({ ms: z.number().int().nonnegative() });
const tokenCreationSchema = z.strictObject({
  enabled: z.boolean(),
  message: z.string().min(1).optional(),
});

/** `PUT /__control/latency` `{ms}`: delay before every API answer. */
export const setLatency: Route = {
  method: 'PUT',
  path: `${CONTROL_PREFIX}/latency`,
  handle: async (c) => {
    const { ms } = await readJsonBody(c, latencySchema);
    c.var.sim.latencyMs = ms;
    return c.json({ ms });
  },
};

/** `PUT /__control/token-creation` `{enabled, message?}`: the operator's switch (503 when off). */
export const setTokenCreation: Route = {
  method: 'PUT',
  path: `${CONTROL_PREFIX}/token-creation`,
  handle: async (c) => {
    const body = await readJsonBody(c, tokenCreationSchema);
    const creation = c.var.sim.tokenCreation;
    creation.enabled = body.enabled;
    if (body.message !== undefined) creation.message = body.message;
    return c.json(creation);
  },
};
