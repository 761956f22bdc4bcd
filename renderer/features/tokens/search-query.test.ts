import { describe, expect, it, vi } from 'vitest';
import { createSearchQuery } from './search-query';

describe('createSearchQuery', () => {
  it('holds the text and tells subscribers of each change, once', () => {
    const query = createSearchQuery();
    const listener = vi.fn();
    const unsubscribe = query.subscribe(listener);
    expect(query.get()).toBe('');
    query.set('serde');
    query.set('serde');
    expect(query.get()).toBe('serde');
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    query.set('');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
