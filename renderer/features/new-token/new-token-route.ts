import { useEffect, useSyncExternalStore } from 'react';
import type { BuilderPrefill } from '../../../shared/domain/cargo-provider';
import type { TokenView } from '../../../shared/domain/token';

/** The side navigation's id for the New token page. */
export const NEW_TOKEN_SECTION_ID = 'new-token';

/** Where the token list lives, for "Done". */
const TOKENS_SECTION_ID = 'tokens';

interface RouteState {
  /** The token being regenerated, whose facts prefill the builder; null for a blank one. */
  readonly source: TokenView | null;
  /** What cargo asked for and no token fitted (a notification's click); null otherwise. */
  readonly prefill: BuilderPrefill | null;
  /** Changes on every `openNewToken`, so the builder starts afresh. */
  readonly requestId: number;
}

// One window, one builder: a tiny store lets any page open it without the
// app shell knowing about tokens (the shell only lends its navigation).
let state: RouteState = { source: null, prefill: null, requestId: 0 };
const listeners = new Set<() => void>();
let navigate: ((sectionId: string) => void) | null = null;

function setState(next: RouteState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Shows the builder: blank, or prefilled from `source` (Regenerate). */
export function openNewToken(source?: TokenView): void {
  setState({ source: source ?? null, prefill: null, requestId: state.requestId + 1 });
  navigate?.(NEW_TOKEN_SECTION_ID);
}

/** Shows the builder filled in for what cargo asked (`app:navigate` to `builder`). */
export function openNewTokenFor(prefill: BuilderPrefill): void {
  setState({ source: null, prefill, requestId: state.requestId + 1 });
  navigate?.(NEW_TOKEN_SECTION_ID);
}

/** Leaves the builder for the token list. */
export function finishNewToken(): void {
  navigate?.(TOKENS_SECTION_ID);
}

/**
 * Lends the app's navigation to the builder. Leaving the builder forgets a
 * prefill, so the navigation's "New token" always opens a blank one.
 */
export function useNewTokenNavigation(
  current: string,
  onNavigate: (sectionId: string) => void,
): void {
  useEffect(() => {
    navigate = onNavigate;
    return () => {
      if (navigate === onNavigate) navigate = null;
    };
  }, [onNavigate]);
  useEffect(() => {
    if (current !== NEW_TOKEN_SECTION_ID && (state.source !== null || state.prefill !== null)) {
      setState({ source: null, prefill: null, requestId: state.requestId + 1 });
    }
  }, [current]);
}

/** What the builder should start from, kept current. */
export function useNewTokenRoute(): RouteState {
  return useSyncExternalStore(subscribe, () => state);
}
