import { useSyncExternalStore } from 'react';

/*
 * Avatar images, each fetched at most once per session. Offline (or with the
 * avatar host blocked) every load fails, and Chromium logs each failed image
 * load as a console error: without this, every page that shows an avatar
 * would try again and log again. A failed URL is remembered and the avatar
 * shows the login's initial from then on.
 */

type AvatarLoad = 'loading' | 'loaded' | 'failed';

const loads = new Map<string, AvatarLoad>();
const listeners = new Set<() => void>();

function settle(url: string, state: AvatarLoad): void {
  loads.set(url, state);
  for (const listener of listeners) listener();
}

/** Starts the one load of `url` if it has not started; the browser caches a success. */
function startLoad(url: string): void {
  if (loads.has(url)) return;
  loads.set(url, 'loading');
  const image = new Image();
  image.referrerPolicy = 'no-referrer';
  image.onload = () => {
    settle(url, 'loaded');
  };
  image.onerror = () => {
    settle(url, 'failed');
  };
  image.src = url;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The URL to show once it has loaded; undefined while loading, after a failure, or without one. */
export function useLoadedAvatar(url: string | null): string | undefined {
  const state = useSyncExternalStore(subscribe, () => (url === null ? undefined : loads.get(url)));
  if (url === null) return undefined;
  if (state === undefined) startLoad(url);
  return state === 'loaded' ? url : undefined;
}
