import { getContrastRatio } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { TONES, toneColors } from './tone';

describe('tones', () => {
  for (const mode of ['light', 'dark'] as const) {
    for (const tone of TONES) {
      it(`${tone} text is readable on its chip in ${mode} mode (WCAG AA)`, () => {
        const { text, background } = toneColors(tone, mode);
        expect(getContrastRatio(text, background)).toBeGreaterThanOrEqual(4.5);
      });
    }
  }
});
