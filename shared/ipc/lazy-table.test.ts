import { describe, expect, it, vi } from 'vitest';
import { lazyTable } from './lazy-table';

describe('lazyTable', () => {
  it('builds nothing until an entry is read, then builds that entry once', () => {
    const first = vi.fn(() => ({ name: 'first' }));
    const second = vi.fn(() => 2);
    const table = lazyTable({ first, second });
    expect(first).not.toHaveBeenCalled();
    expect(table.first).toEqual({ name: 'first' });
    expect(table.first).toBe(table.first);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
  });

  it('lists every key as its own before anything is built', () => {
    const build = vi.fn(() => 1);
    const table = lazyTable({ a: build, b: build });
    expect(Object.keys(table)).toEqual(['a', 'b']);
    expect(Object.hasOwn(table, 'a')).toBe(true);
    expect(Object.hasOwn(table, 'toString')).toBe(false);
    expect(build).not.toHaveBeenCalled();
  });

  it('cannot be changed', () => {
    const table = lazyTable({ a: () => 1 });
    expect(Object.isFrozen(table)).toBe(true);
    expect(() => {
      Object.defineProperty(table, 'a', { value: 2 });
    }).toThrow(TypeError);
    expect(table.a).toBe(1);
  });
});
