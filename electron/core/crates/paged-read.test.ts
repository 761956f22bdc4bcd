import { describe, expect, it } from 'vitest';
import { RegistryUnavailableError } from '../registry-errors';
import { MAX_PAGES, readAllPages, type Page } from './paged-read';

/** Pages keyed by the path and query asked for; every request is recorded. */
function pages(table: Record<string, Page<number>>) {
  const asked: string[] = [];
  const read = (pathAndQuery: string): Promise<Page<number>> => {
    asked.push(pathAndQuery);
    const page = table[pathAndQuery];
    return page ? Promise.resolve(page) : Promise.reject(new Error(`unexpected ${pathAndQuery}`));
  };
  return { asked, read };
}

describe('readAllPages', () => {
  it('follows next_page on the same path until it is null', async () => {
    const { asked, read } = pages({
      '/list?a=1': { items: [1, 2], nextPage: '?a=1&seek=x' },
      '/list?a=1&seek=x': { items: [3], nextPage: null },
    });
    await expect(readAllPages('r.test', '/list', '?a=1', read)).resolves.toEqual([1, 2, 3]);
    expect(asked).toEqual(['/list?a=1', '/list?a=1&seek=x']);
  });

  it('stops at an empty page (seek paging sends a next page after every full one)', async () => {
    const { asked, read } = pages({
      '/list?a=1': { items: [1], nextPage: '?seek=1' },
      '/list?seek=1': { items: [], nextPage: '?seek=2' },
    });
    await expect(readAllPages('r.test', '/list', '?a=1', read)).resolves.toEqual([1]);
    expect(asked).toHaveLength(2);
  });

  it('refuses a next page that is not a query of the same path, or one already read', async () => {
    const elsewhere = pages({ '/list?a=1': { items: [1], nextPage: '//evil.test/steal' } });
    await expect(readAllPages('r.test', '/list', '?a=1', elsewhere.read)).rejects.toThrow(
      'r.test answered with a next page Cratekeeper does not follow; the list was not read whole.',
    );
    expect(elsewhere.asked).toEqual(['/list?a=1']);
    const loop = pages({
      '/list?a=1': { items: [1], nextPage: '?b=2' },
      '/list?b=2': { items: [2], nextPage: '?a=1' },
    });
    await expect(readAllPages('r.test', '/list', '?a=1', loop.read)).rejects.toBeInstanceOf(
      RegistryUnavailableError,
    );
  });

  it(`reads at most ${String(MAX_PAGES)} pages`, async () => {
    let asked = 0;
    const endless = (pathAndQuery: string): Promise<Page<number>> => {
      asked += 1;
      return Promise.resolve({ items: [asked], nextPage: `${pathAndQuery.slice(5)}x` });
    };
    await expect(readAllPages('r.test', '/list', '?p', endless)).rejects.toThrow(
      `r.test kept sending further pages (more than ${String(MAX_PAGES)}); the list was not read whole.`,
    );
    expect(asked).toBe(MAX_PAGES);
  });
});
