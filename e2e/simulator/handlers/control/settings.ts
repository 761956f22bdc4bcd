import { z } from 'zod';
import type { Route } from '../../http/env';
import { readJsonBody } from '../../http/json-body';
import { GITHUB_API_FAILURES } from '../../state/simulator-state';
import { CONTROL_PREFIX } from './guard';

const githubSchema = z.strictObject({ failure: z.enum(GITHUB_API_FAILURES).nullable() });
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

/**
 * `PUT /__control/github` `{failure}`: `token-expired`, `forbidden` or `down`
 * makes the simulated GitHub API fail when a GitHub trusted-publishing config
 * is created; null = it answers again.
 */
export const setGithubApi: Route = {
  method: 'PUT',
  path: `${CONTROL_PREFIX}/github`,
  handle: async (c) => {
    const { failure } = await readJsonBody(c, githubSchema);
    c.var.sim.githubApiFailure = failure;
    return c.json({ failure });
  },
};
