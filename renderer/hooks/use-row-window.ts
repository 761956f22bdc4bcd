import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
} from '@tanstack/react-virtual';
import { useLayoutEffect, useState, useSyncExternalStore, type Key, type RefObject } from 'react';

export interface RowWindowOptions {
  /** One key per row, in order. A new array means new rows: keep it memoised. */
  readonly rowKeys: readonly Key[];
  /** The element that scrolls the rows. */
  readonly scrollRef: RefObject<HTMLElement | null>;
  /** Height of a row before it is measured. */
  readonly estimatedRowHeight: number;
  /** Rows drawn beyond each edge of the visible ones. */
  readonly overscan: number;
}

/** Which rows to draw, and how much room the undrawn ones take above and below. */
export interface RowWindow {
  readonly items: readonly VirtualItem[];
  readonly spaceAbove: number;
  readonly spaceBelow: number;
  /** Ref callback for each drawn row, which must carry `data-index`. */
  readonly measureRow: (row: HTMLTableRowElement | null) => void;
}

interface Snapshot {
  readonly items: readonly VirtualItem[];
  readonly totalSize: number;
}

/**
 * TanStack Virtual's engine, read through `useSyncExternalStore`. Its own
 * `useVirtualizer` hands out one mutable object whose methods answer
 * differently over time, which React's compiler cannot memoise (and the
 * react-hooks lint rejects); this hook hands out immutable snapshots instead,
 * so every change is a new value that React sees.
 */
export function useRowWindow(options: RowWindowOptions): RowWindow {
  const [store] = useState(createStore);

  useLayoutEffect(() => store.mount(), [store]);
  // Every render: the row count, keys and scroll element may all have changed.
  useLayoutEffect(() => {
    store.update(options);
  });

  const { items, totalSize } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return {
    items,
    spaceAbove: items[0]?.start ?? 0,
    spaceBelow: Math.max(0, totalSize - (items.at(-1)?.end ?? 0)),
    measureRow: store.measureRow,
  };
}

function createStore() {
  const listeners = new Set<() => void>();
  const emit = () => {
    listeners.forEach((listener) => {
      listener();
    });
  };
  // The engine re-measures when `getItemKey` changes identity, so it gets a
  // new one exactly when the rows change, never on a mere re-render.
  let rowKeys: readonly Key[] = [];
  let getItemKey = (index: number): Key => index;
  const engineOptions = (options: RowWindowOptions | null) => {
    if (options && options.rowKeys !== rowKeys) {
      const keys = options.rowKeys;
      rowKeys = keys;
      getItemKey = (index) => keys[index] ?? index;
    }
    return {
      count: rowKeys.length,
      getScrollElement: () => options?.scrollRef.current ?? null,
      estimateSize: () => options?.estimatedRowHeight ?? 0,
      overscan: options?.overscan ?? 0,
      getItemKey,
      observeElementRect,
      observeElementOffset,
      scrollToFn: elementScroll,
      onChange: emit,
    };
  };
  const engine = new Virtualizer<HTMLElement, HTMLTableRowElement>(engineOptions(null));
  let snapshot: Snapshot = { items: [], totalSize: 0 };

  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    // The engine memoises its answers, so equal answers are the same arrays.
    getSnapshot: (): Snapshot => {
      const items = engine.getVirtualItems();
      const totalSize = engine.getTotalSize();
      if (items !== snapshot.items || totalSize !== snapshot.totalSize) {
        snapshot = { items, totalSize };
      }
      return snapshot;
    },
    mount: () => engine._didMount(),
    update: (options: RowWindowOptions) => {
      engine.setOptions(engineOptions(options));
      engine._willUpdate();
      emit();
    },
    measureRow: (row: HTMLTableRowElement | null) => {
      engine.measureElement(row);
    },
  };
}
