import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_FILES } from '../adapters/tray-icons';
import { decodePng, icoEntries } from './png';
import { renderTrayIcon } from './tray-icon-art';

const folder = join(import.meta.dirname, 'tray');

function alphaAt(image: { width: number; pixels: Uint8Array }, x: number, y: number): number {
  return image.pixels[(y * image.width + x) * 4 + 3] ?? 0;
}

describe('the committed tray icons', () => {
  it('are exactly the set the tray asks for', () => {
    expect(readdirSync(folder).sort()).toEqual(TRAY_ICON_FILES.map((file) => file.name).sort());
  });

  it.each(TRAY_ICON_FILES.map((file) => [file.name, file] as const))(
    '%s matches what make-tray-icons.ts draws',
    (name, file) => {
      const bytes = readFileSync(join(folder, name));
      const pngs = name.endsWith('.ico') ? icoEntries(bytes) : [bytes];
      expect(pngs).toHaveLength(file.sizes.length);
      pngs.forEach((png, index) => {
        const size = file.sizes[index] ?? 0;
        const image = decodePng(png);
        expect([image.width, image.height]).toEqual([size, size]);
        expect(
          Buffer.from(image.pixels).equals(
            Buffer.from(renderTrayIcon(file.state, file.variant, size).pixels),
          ),
        ).toBe(true);
      });
    },
  );

  it('macOS templates are black plus alpha only', () => {
    for (const file of TRAY_ICON_FILES.filter((entry) => entry.variant === 'template')) {
      const { pixels } = decodePng(readFileSync(join(folder, file.name)));
      for (let offset = 0; offset < pixels.length; offset += 4) {
        expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([0, 0, 0]);
      }
    }
  });

  it('tells the states apart by shape: the badge corner is empty, ringed or filled', () => {
    const at32 = (state: 'ok' | 'attention' | 'alert') => renderTrayIcon(state, 'template', 32);
    // The badge's centre (12, 12 in the 16-grid) and a point on its ring.
    expect(alphaAt(at32('ok'), 24, 24)).toBe(0);
    expect(alphaAt(at32('attention'), 24, 24)).toBe(0);
    expect(alphaAt(at32('attention'), 30, 24)).toBe(255);
    expect(alphaAt(at32('alert'), 24, 24)).toBe(255);
  });

  it('light-panel glyphs are dark and dark-panel glyphs are light', () => {
    const luminance = (variant: 'light' | 'dark') => {
      const { pixels } = renderTrayIcon('ok', variant, 16);
      const opaque = [...Array(pixels.length / 4).keys()].find((i) => pixels[i * 4 + 3] === 255);
      return pixels[(opaque ?? 0) * 4] ?? 0;
    };
    expect(luminance('light')).toBeLessThan(64);
    expect(luminance('dark')).toBeGreaterThan(192);
  });
});
