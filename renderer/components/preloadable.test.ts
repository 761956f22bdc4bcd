import { describe, expect, it, vi } from 'vitest';
import { preloadable } from './preloadable';

describe('preloadable', () => {
  it('does not load until asked', () => {
    const importer = vi.fn(() => Promise.resolve('module'));
    preloadable(importer);
    expect(importer).not.toHaveBeenCalled();
  });

  it('loads once, however often it is preloaded and loaded', async () => {
    const importer = vi.fn(() => Promise.resolve('module'));
    const module = preloadable(importer);
    module.preload();
    module.preload();
    await expect(module.load()).resolves.toBe('module');
    await expect(module.load()).resolves.toBe('module');
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load, and a failed preload rejects nothing', async () => {
    const importer = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('module');
    const module = preloadable(importer);
    module.preload();
    await expect(module.load()).rejects.toThrow('offline');
    await expect(module.load()).resolves.toBe('module');
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
