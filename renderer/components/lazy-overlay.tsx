import { Suspense, useEffect, useState, type ComponentType } from 'react';
import { lazyComponent } from './lazy-component';
import type { Preloadable } from './preloadable';
import { whenIdle } from './when-idle';

/**
 * A dialog (or another overlay: a snackbar) whose code stays out of the boot
 * bundle. It renders nothing until `isOpen(props)` first holds, then the real
 * component, and keeps it mounted from then on (so closing still animates and
 * state survives as before). Its code loads when the page is idle, so the
 * first open is normally instant; if it is not there yet, the overlay appears
 * once it has loaded.
 */
export function lazyOverlay<P extends object>(
  module: Preloadable<ComponentType<P>>,
  isOpen: (props: P) => boolean,
): ComponentType<P> {
  const Overlay = lazyComponent(module);
  function LazyOverlay(props: P) {
    const open = isOpen(props);
    const [opened, setOpened] = useState(open);
    // Adjusting state while rendering: the overlay mounts in the same render that opens it.
    if (open && !opened) setOpened(true);
    useEffect(() => whenIdle(module.preload), []);
    if (!opened) return null;
    return (
      <Suspense fallback={null}>
        <Overlay {...props} />
      </Suspense>
    );
  }
  return LazyOverlay;
}
