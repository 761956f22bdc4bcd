import { useState, useSyncExternalStore } from 'react';
import { rowRangeOf, rowViewportOf, type RowViewport } from './row-range';

/** Follows one scroller's position and height, in whole rows of a fixed height. */
export interface ScrollTracker {
  readonly rowHeight: number;
  /** Ref callback for the scrolling element. */
  readonly attach: (element: HTMLElement | null) => void;
  readonly subscribe: (listener: () => void) => () => void;
  readonly getViewport: () => RowViewport;
}

/**
 * A tracker for rows `rowHeight` high. It reads the scroller only in its own
 * scroll events and resize observations, never while React renders, so
 * drawing rows forces no layout; until the first observation it assumes the
 * scroller at the top and as tall as the window (an upper bound).
 */
export function createScrollTracker(rowHeight: number): ScrollTracker {
  const listeners = new Set<() => void>();
  let viewport = rowViewportOf(0, window.innerHeight, rowHeight);
  let height = window.innerHeight;
  let detach = () => {};

  const set = (scrollTop: number, newHeight: number) => {
    height = newHeight;
    const next = rowViewportOf(scrollTop, newHeight, rowHeight);
    if (next.firstRow === viewport.firstRow && next.rows === viewport.rows) return;
    viewport = next;
    listeners.forEach((listener) => {
      listener();
    });
  };

  return {
    rowHeight,
    attach: (element) => {
      detach();
      detach = () => {};
      if (element === null) return;
      const onScroll = () => {
        set(element.scrollTop, height);
      };
      const resizes = new ResizeObserver(([entry]) => {
        if (entry) set(element.scrollTop, entry.contentRect.height);
      });
      element.addEventListener('scroll', onScroll, { passive: true });
      resizes.observe(element);
      detach = () => {
        element.removeEventListener('scroll', onScroll);
        resizes.disconnect();
      };
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getViewport: () => viewport,
  };
}

/** A {@link ScrollTracker} for the life of the component. */
export function useScrollTracker(rowHeight: number): ScrollTracker {
  const [tracker] = useState(() => createScrollTracker(rowHeight));
  return tracker;
}

/** Which rows to draw, and the room the undrawn ones take above and below. */
export interface FixedRowWindow {
  readonly start: number;
  readonly end: number;
  readonly spaceAbove: number;
  readonly spaceBelow: number;
}

/**
 * Windowing for rows that are all the tracker's `rowHeight` high: the drawn rows follow
 * from the scroll position by arithmetic, so no row is ever measured (with
 * thousands of rows, measuring each one and re-walking the list after every
 * measurement was most of the cost of drawing the list).
 */
export function useFixedRowWindow(
  tracker: ScrollTracker,
  count: number,
  overscan: number,
): FixedRowWindow {
  const { rowHeight } = tracker;
  const viewport = useSyncExternalStore(tracker.subscribe, tracker.getViewport);
  const { start, end } = rowRangeOf(viewport, count, overscan);
  return { start, end, spaceAbove: start * rowHeight, spaceBelow: (count - end) * rowHeight };
}
