import { z } from 'zod';
import type { Route } from '../../http/env';
import { readJsonBody } from '../../http/json-body';
import { DAY_MS } from '../../models/time';
import { CONTROL_PREFIX } from './guard';

const clockBodySchema = z.strictObject({
  now: z.iso.datetime({ offset: true }).optional(),
  advance_ms: z.number().optional(),
  advance_days: z.number().optional(),
  frozen: z.boolean().optional(),
});

/** `GET /__control/clock`: the simulator's "now". */
export const getClock: Route = {
  method: 'GET',
  path: `${CONTROL_PREFIX}/clock`,
  handle: (c) => c.json(c.var.sim.clock.describe()),
};

/** `PUT /__control/clock` `{now?, advance_ms?, advance_days?, frozen?}`, applied in that order as one step. */
export const setClock: Route = {
  method: 'PUT',
  path: `${CONTROL_PREFIX}/clock`,
  handle: async (c) => {
    const clock = c.var.sim.clock;
    const body = await readJsonBody(c, clockBodySchema);
    clock.apply({
      ...(body.now === undefined ? {} : { now: new Date(body.now) }),
      advanceMs: (body.advance_ms ?? 0) + (body.advance_days ?? 0) * DAY_MS,
      ...(body.frozen === undefined ? {} : { frozen: body.frozen }),
    });
    return c.json(clock.describe());
  },
};

/** `DELETE /__control/clock`: back to real time. */
export const resetClock: Route = {
  method: 'DELETE',
  path: `${CONTROL_PREFIX}/clock`,
  handle: (c) => {
    c.var.sim.clock.reset();
    return c.json(c.var.sim.clock.describe());
  },
};
