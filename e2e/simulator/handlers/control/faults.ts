import type { Route } from '../../http/env';
import { notFound } from '../../http/errors';
import { readJsonBody } from '../../http/json-body';
import { pathInt } from '../../http/params';
import { faultSpecSchema } from '../../state/faults';
import { CONTROL_PREFIX } from './guard';

/** `GET /__control/faults`: the faults in force and how often each has hit. */
export const listFaults: Route = {
  method: 'GET',
  path: `${CONTROL_PREFIX}/faults`,
  handle: (c) => c.json({ faults: c.var.sim.faults.list() }),
};

/** `POST /__control/faults`: adds a fault (see README.md for the fields). */
export const addFault: Route = {
  method: 'POST',
  path: `${CONTROL_PREFIX}/faults`,
  handle: async (c) => {
    const spec = await readJsonBody(c, faultSpecSchema);
    return c.json({ fault: c.var.sim.faults.add(spec) }, 201);
  },
};

/** `DELETE /__control/faults`: removes every fault. */
export const clearFaults: Route = {
  method: 'DELETE',
  path: `${CONTROL_PREFIX}/faults`,
  handle: (c) => {
    c.var.sim.faults.clear();
    return c.json({ faults: [] });
  },
};

/** `DELETE /__control/faults/{id}`: removes one fault. */
export const removeFault: Route = {
  method: 'DELETE',
  path: `${CONTROL_PREFIX}/faults/:id`,
  handle: (c) => {
    if (!c.var.sim.faults.remove(pathInt(c, 'id'))) throw notFound();
    return c.json({ faults: c.var.sim.faults.list() });
  },
};
