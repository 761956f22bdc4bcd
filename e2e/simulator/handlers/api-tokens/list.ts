import { authorize } from '../../http/authorize';
import { cookieCredentials } from '../../http/credentials';
import type { Route } from '../../http/env';
import { queryInt } from '../../http/params';
import { ACCOUNT } from '../../http/permission';
import { DAY_MS } from '../../models/time';
import { serializeApiToken } from '../../serializers/api-token';

/**
 * `GET /api/v1/me/tokens?expired_days=N` (cookie only): newest first by id;
 * revoked never; expired only if they expired within the last N days.
 */
export const listApiTokens: Route = {
  method: 'GET',
  path: '/api/v1/me/tokens',
  authenticated: true,
  handle: (c) => {
    const expiredDays = queryInt(c, 'expired_days') ?? 0;
    const { user } = authorize(c, cookieCredentials(c), ACCOUNT);
    const sim = c.var.sim;
    const cutoff = sim.clock.now().getTime() - expiredDays * DAY_MS;
    const tokens = sim.db
      .tokensOf(user.id)
      .filter((token) => !token.revoked)
      .filter((token) => token.expiredAt === null || token.expiredAt.getTime() > cutoff)
      .sort((a, b) => b.id - a.id);
    return c.json({ api_tokens: tokens.map(serializeApiToken) });
  },
};
