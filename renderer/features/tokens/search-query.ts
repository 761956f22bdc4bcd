import { useSyncExternalStore } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import type { TokenSearch } from './token-search';

/**
 * The search field's text, held outside React's tree so that a keystroke
 * renders only what shows it (the field, the count and the rows), not the
 * whole Tokens page with its toolbar.
 */
export interface SearchQuery {
  readonly get: () => string;
  readonly set: (query: string) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createSearchQuery(): SearchQuery {
  let query = '';
  const listeners = new Set<() => void>();
  return {
    get: () => query,
    set: (next) => {
      if (next === query) return;
      query = next;
      listeners.forEach((listener) => {
        listener();
      });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The search field's text as typed. */
export function useSearchText(query: SearchQuery): string {
  return useSyncExternalStore(query.subscribe, query.get);
}

export interface SearchResult {
  /** The query the tokens were searched with. */
  readonly query: string;
  readonly found: readonly TokenView[];
}

/**
 * The tokens that match the search field's text; every component calling
 * this with one `search` shares its answer. Not a deferred value: a search of
 * normalised text and the few rows on screen take a few milliseconds, and
 * deferring them would only render each keystroke twice.
 */
export function useSearchResult(query: SearchQuery, search: TokenSearch): SearchResult {
  const text = useSearchText(query);
  return { query: text, found: search(text) };
}
