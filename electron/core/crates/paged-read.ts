import { RegistryUnavailableError } from '../registry-errors';

/**
 * How many pages one list may take: 100 pages of 100 are 10,000 crates or
 * configurations, far beyond any account; a registry that keeps sending
 * further pages is not followed for ever.
 */
export const MAX_PAGES = 100;

/** The page size asked for: crates.io's maximum, so few accounts need a second page. */
export const PER_PAGE = 100;

/**
 * A page of 100 crates or configurations is a few hundred KB at most (a
 * crate with a long description and its links is about 2 KB), so each page
 * is held to the 1 MiB cap of single answers rather than the 16 MiB of whole
 * lists: with MAX_PAGES, a registry cannot make one list cost more than
 * 100 MiB read in total.
 */
export const PAGE_CAP = 'answer';

export interface Page<T> {
  readonly items: readonly T[];
  /** crates.io's `meta.next_page`: a query string (`?...`) to append to the path, or null. */
  readonly nextPage: string | null;
}

/**
 * Reads every page of a crates.io list: `path` (without its query) with
 * `firstQuery`, then each `meta.next_page` appended to the same path, until
 * there is none or a page comes back empty (crates.io's seek paging sends a
 * next page after every full one). A next page that is not a query of the
 * same path, repeats one already read, or goes beyond MAX_PAGES is refused:
 * the list would not be whole, and the cookie stays on this endpoint.
 */
export async function readAllPages<T>(
  host: string,
  path: string,
  firstQuery: string,
  readPage: (pathAndQuery: string) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let query = firstQuery;
  for (;;) {
    if (seen.size >= MAX_PAGES) {
      throw new RegistryUnavailableError(
        `${host} kept sending further pages (more than ${String(MAX_PAGES)}); the list was not read whole.`,
      );
    }
    seen.add(query);
    const page = await readPage(`${path}${query}`);
    for (const item of page.items) items.push(item);
    if (page.items.length === 0 || page.nextPage === null) break;
    query = page.nextPage;
    if (!query.startsWith('?') || seen.has(query)) {
      throw new RegistryUnavailableError(
        `${host} answered with a next page Cratekeeper does not follow; the list was not read whole.`,
      );
    }
  }
  return items;
}
