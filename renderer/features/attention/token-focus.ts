import { useEffect, useEffectEvent } from 'react';

/**
 * What the token list should show next, asked for from outside the Tokens
 * page (a notification or tray item, the attention banner's "and N more").
 * `id` changes with every request, so asking twice for one token acts twice.
 */
export type TokenFocusRequest =
  | { readonly kind: 'token'; readonly key: string; readonly id: number }
  | { readonly kind: 'keys'; readonly keys: readonly string[]; readonly id: number };

// One window, one list: a tiny store lets the app shell hand a request to the
// Tokens page, which may not be mounted yet (it takes the request when it is).
let request: TokenFocusRequest | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: TokenFocusRequest): void {
  request = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Shows one token: the list scrolls to it, highlights it and focuses its row. */
export function focusToken(key: string): void {
  publish({ kind: 'token', key, id: nextId++ });
}

/** Filters the list to these tokens. */
export function showOnlyTokens(keys: readonly string[]): void {
  publish({ kind: 'keys', keys: [...keys], id: nextId++ });
}

/**
 * Acts on each request once, as it comes; a request made while no list was
 * mounted (the Tokens page opens because of it) is acted on at mount.
 */
export function useTokenFocusRequests(onRequest: (request: TokenFocusRequest) => void): void {
  const handle = useEffectEvent(onRequest);
  useEffect(() => {
    const take = () => {
      const taken = request;
      if (taken === null) return;
      request = null;
      handle(taken);
    };
    take();
    return subscribe(take);
  }, []);
}
