import type { Route } from '../../http/env';
import { badRequest } from '../../http/errors';
import { queryInt } from '../../http/params';
import { serializeCrate } from '../../serializers/crate';

const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 100;

function pageLink(url: URL, page: number): string {
  const query = new URLSearchParams(url.search);
  query.set('page', String(page));
  return `?${query.toString()}`;
}

/**
 * `GET /api/v1/crates?user_id=ID&page=P&per_page=N`: public; alphabetical,
 * paged like crates.io (`meta.total`, `next_page`, `prev_page`).
 */
export const listCrates: Route = {
  method: 'GET',
  path: '/api/v1/crates',
  handle: (c) => {
    const userId = queryInt(c, 'user_id');
    const page = queryInt(c, 'page') ?? 1;
    const perPage = queryInt(c, 'per_page') ?? DEFAULT_PER_PAGE;
    if (page < 1) throw badRequest(`page indexing starts from 1, page ${page} is invalid`);
    if (perPage > MAX_PER_PAGE) throw badRequest(`cannot request more than ${MAX_PER_PAGE} items`);
    if (perPage < 1) throw badRequest('per_page must be at least 1');
    const includeYanked = c.req.query('include_yanked') !== 'no';
    const matching = c.var.sim.db.crates
      .filter((krate) => userId === undefined || krate.ownerIds.includes(userId))
      .filter((krate) => includeYanked || krate.versions.some((version) => !version.yanked))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    const start = (page - 1) * perPage;
    const url = new URL(c.req.url);
    return c.json({
      crates: matching.slice(start, start + perPage).map(serializeCrate),
      meta: {
        total: matching.length,
        next_page: start + perPage < matching.length ? pageLink(url, page + 1) : null,
        prev_page: page > 1 ? pageLink(url, page - 1) : null,
      },
    });
  },
};
