import type { RegistryClient } from '../registry-client';
import { PAGE_CAP, PER_PAGE, readAllPages } from './paged-read';
import { cratePageSchema, type CrateWire } from './trusted-publishing-wire';

/**
 * `GET /api/v1/crates?user_id=ID`, every page: the crates a user owns with
 * their description, repository and `trustpub_only`, which `/me` leaves out.
 */
export function readOwnedCrates(
  client: RegistryClient,
  host: string,
  userId: number,
): Promise<CrateWire[]> {
  const query = `?user_id=${String(userId)}&per_page=${String(PER_PAGE)}`;
  return readAllPages(host, '/api/v1/crates', query, async (pathAndQuery) => {
    const page = await client.read(pathAndQuery, cratePageSchema, PAGE_CAP);
    return { items: page.crates, nextPage: page.meta.next_page };
  });
}
