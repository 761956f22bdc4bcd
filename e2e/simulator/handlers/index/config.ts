import type { Route } from '../../http/env';

/** `GET /index/config.json`: where cargo downloads crates and finds the web API. */
export const indexConfig: Route = {
  method: 'GET',
  path: '/index/config.json',
  handle: (c) => {
    const origin = c.var.sim.origin;
    return c.json({ dl: `${origin}/api/v1/crates`, api: origin });
  },
};
