import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRAY_ICON_FILES } from '../adapters/tray-icons';
import { encodeIco, encodePng, type RgbaImage } from './png';
import { renderTrayIcon } from './tray-icon-art';

/**
 * Writes every tray icon into electron/assets/tray/ from tray-icon-art.ts:
 * `npx tsx electron/assets/make-tray-icons.ts`. The files are committed; a
 * unit test checks that they still match what this draws.
 */

/** The bytes of one file of the set. */
export function trayIconBytes(file: (typeof TRAY_ICON_FILES)[number]): Buffer {
  const images: RgbaImage[] = file.sizes.map((size) =>
    renderTrayIcon(file.state, file.variant, size),
  );
  const [single] = images;
  if (file.name.endsWith('.png') && single) return encodePng(single);
  return encodeIco(images);
}

function main(): void {
  const folder = join(import.meta.dirname, 'tray');
  mkdirSync(folder, { recursive: true });
  for (const file of TRAY_ICON_FILES) {
    writeFileSync(join(folder, file.name), trayIconBytes(file));
  }
  console.log(`Wrote ${String(TRAY_ICON_FILES.length)} tray icons to ${folder}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main();
