import type { TrayState } from '../../shared/domain/attention';
import type { RgbaImage } from './png';

/**
 * The tray icon drawn in code, so `make-tray-icons.ts` can write every size
 * and variant again from one description. A crate (box, lid, slat) in a 16 by
 * 16 grid; `attention` adds a ring and `alert` a filled disc at the bottom
 * right, so the states differ by shape as well as colour (macOS template
 * images are black only, and not everyone tells amber from red).
 */

/** Who the icon is drawn for: a light or dark panel, or macOS's template (black plus alpha). */
export type TrayIconVariant = 'light' | 'dark' | 'template';

type Rgb = readonly [number, number, number];

/** Glyph colour per variant; `light` means "for a light menu bar", so the glyph is dark. */
const GLYPH: Record<TrayIconVariant, Rgb> = {
  light: [0x1f, 0x1f, 0x1f],
  dark: [0xf2, 0xf2, 0xf2],
  template: [0, 0, 0],
};

const BADGE: Record<TrayIconVariant, Record<Exclude<TrayState, 'ok'>, Rgb>> = {
  light: { attention: [0xc7, 0x7c, 0x00], alert: [0xd3, 0x2f, 0x2f] },
  dark: { attention: [0xff, 0xb7, 0x4d], alert: [0xff, 0x6b, 0x5e] },
  template: { attention: [0, 0, 0], alert: [0, 0, 0] },
};

const GRID = 16;
const SUBSAMPLES = 4;
const BADGE_X = 12;
const BADGE_Y = 12;
const BADGE_RADIUS = 3.75;
const RING_INNER_RADIUS = 2.25;
/** Space cleared around the badge so it reads apart from the crate. */
const KNOCKOUT_RADIUS = 5;

function inRect(x: number, y: number, left: number, top: number, right: number, bottom: number) {
  return x >= left && x < right && y >= top && y < bottom;
}

function crate(x: number, y: number): boolean {
  // Whole grid units, so every edge falls on a pixel edge at 16 and 32 px.
  const outer = inRect(x, y, 1, 2, 14, 14);
  const inner = inRect(x, y, 2, 3, 13, 13);
  const lid = inRect(x, y, 1, 5, 14, 6);
  const slat = inRect(x, y, 7, 6, 8, 14);
  return (outer && !inner) || lid || slat;
}

function badge(state: TrayState, x: number, y: number): boolean {
  const distance = Math.hypot(x - BADGE_X, y - BADGE_Y);
  if (state === 'alert') return distance <= BADGE_RADIUS;
  if (state === 'attention') return distance <= BADGE_RADIUS && distance >= RING_INNER_RADIUS;
  return false;
}

function knockedOut(state: TrayState, x: number, y: number): boolean {
  return state !== 'ok' && Math.hypot(x - BADGE_X, y - BADGE_Y) <= KNOCKOUT_RADIUS;
}

/** One icon at `size` pixels square (16 for 1x, 32 for @2x, more for Windows' .ico). */
export function renderTrayIcon(
  state: TrayState,
  variant: TrayIconVariant,
  size: number,
): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const glyph = GLYPH[variant];
  const badgeColour = state === 'ok' ? glyph : BADGE[variant][state];
  const unit = GRID / size;
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let glyphHits = 0;
      let badgeHits = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) * unit;
          const y = (py + (sy + 0.5) / SUBSAMPLES) * unit;
          if (badge(state, x, y)) badgeHits++;
          else if (crate(x, y) && !knockedOut(state, x, y)) glyphHits++;
        }
      }
      // Glyph and badge never share a sample, so their coverages simply add.
      const alpha = (glyphHits + badgeHits) / samples;
      const offset = (py * size + px) * 4;
      if (alpha === 0) continue;
      for (let channel = 0; channel < 3; channel++) {
        const mixed =
          ((glyph[channel] ?? 0) * glyphHits + (badgeColour[channel] ?? 0) * badgeHits) /
          (glyphHits + badgeHits);
        pixels[offset + channel] = Math.round(mixed);
      }
      pixels[offset + 3] = Math.round(alpha * 255);
    }
  }
  return { width: size, height: size, pixels };
}
