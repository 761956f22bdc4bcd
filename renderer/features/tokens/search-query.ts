import { useDeferredValue, useSyncExternalStore } from 'react';
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
 * The tokens that match the search field's text. The search follows the text
 * as a deferred value, so the field shows each keystroke at once even when a
 * search takes a while; every component calling this with one `search` shares
 * its answer.
 */
export function useSearchResult(query: SearchQuery, search: TokenSearch): SearchResult {
  const text = useDeferredValue(useSearchText(query));
  return { query: text, found: search(text) };
}
