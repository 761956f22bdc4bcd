import type { Route } from '../../http/env';
import { queryInt } from '../../http/params';
import { CONTROL_PREFIX } from './guard';

/** `GET /__control/requests?since=SEQ`: the log of authenticated requests. */
export const listRequests: Route = {
  method: 'GET',
  path: `${CONTROL_PREFIX}/requests`,
  handle: (c) => c.json({ requests: c.var.sim.requestLog.since(queryInt(c, 'since') ?? 0) }),
};

/** `DELETE /__control/requests`: empties the request log. */
export const clearRequests: Route = {
  method: 'DELETE',
  path: `${CONTROL_PREFIX}/requests`,
  handle: (c) => {
    c.var.sim.requestLog.clear();
    return c.json({ requests: [] });
  },
};

/** `GET /__control/token-create-bodies`: every `PUT /api/v1/me/tokens` body, verbatim. */
export const listCreateTokenBodies: Route = {
  method: 'GET',
  path: `${CONTROL_PREFIX}/token-create-bodies`,
  handle: (c) => c.json({ bodies: c.var.sim.createTokenBodies }),
};
