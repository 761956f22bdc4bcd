import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Preloadable } from './preloadable';

/**
 * A component whose code is loaded the first time it renders (or earlier, by
 * the same `Preloadable`'s `preload`). Render it inside a `<Suspense>`.
 */
export function lazyComponent<P extends object>(
  module: Preloadable<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => module.load().then((component) => ({ default: component })));
}
