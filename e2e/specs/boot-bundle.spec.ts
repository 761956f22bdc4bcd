import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILT_RENDERER } from '../harness/renderer-files';
import { initialRendererJs } from '../bench/list-bundle-size';

/**
 * Issue 15: the first screen's JavaScript stays small (200 KB gzip -9), with
 * zod and the date pickers loaded only where they are needed. A check on the
 * build the specs run against: a static import in the wrong place (a dialog's
 * date picker, a schema module) would put them back without anyone noticing.
 */
test('the token list boots on at most 200 KB of gzipped JavaScript, without zod or the pickers', async () => {
  const initial = await initialRendererJs();
  expect(initial.gzipBytes).toBeLessThanOrEqual(200_000);
  for (const file of initial.files) {
    const code = await readFile(join(BUILT_RENDERER.dir, file), 'utf8');
    // zod's error map and the pickers' class names: present only if they are in the chunk.
    expect(code, `${file} carries zod`).not.toContain('invalid_type');
    expect(code, `${file} carries the date pickers`).not.toContain('MuiDateCalendar');
  }
});
