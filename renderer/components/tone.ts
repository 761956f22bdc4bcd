/**
 * Colour tones for status chips. MUI's filled warning chip puts white text on
 * orange at about 3:1, below WCAG AA for small text, so chips use these soft
 * tones instead; `tone.test.ts` checks every pair for 4.5:1.
 */
export const TONES = ['danger', 'warning', 'caution', 'neutral', 'success'] as const;
export type Tone = (typeof TONES)[number];

export interface ToneColors {
  readonly text: string;
  readonly background: string;
  readonly border: string;
}

const LIGHT: Readonly<Record<Tone, ToneColors>> = {
  danger: { text: '#b3261e', background: '#fdeceb', border: '#f3c0bc' },
  warning: { text: '#9a4300', background: '#fff1e3', border: '#f8cfa5' },
  caution: { text: '#725400', background: '#fff8db', border: '#ecd98f' },
  neutral: { text: '#4a5058', background: '#eef0f2', border: '#d5d9de' },
  success: { text: '#1e6b2f', background: '#e7f4ea', border: '#b7dcc0' },
};

const DARK: Readonly<Record<Tone, ToneColors>> = {
  danger: { text: '#ffb4ab', background: '#3d1f1d', border: '#6b2f2a' },
  warning: { text: '#ffb874', background: '#3a2817', border: '#6a4524' },
  caution: { text: '#f2d36b', background: '#352e15', border: '#5f5222' },
  neutral: { text: '#c9ced6', background: '#2a2d31', border: '#474b52' },
  success: { text: '#97d8a4', background: '#1d3222', border: '#2f5637' },
};

/** The colours of a tone in the current light or dark mode. */
export function toneColors(tone: Tone, mode: 'light' | 'dark'): ToneColors {
  return (mode === 'dark' ? DARK : LIGHT)[tone];
}
