import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_LIMITS, describeDuration, describeSize } from './http-limits';

describe('registry HTTP limits', () => {
  it('default to 15 s for the headers, 30 s for the body, 16 MiB for lists and 1 MiB otherwise', () => {
    expect(DEFAULT_HTTP_LIMITS).toEqual({
      headersTimeoutMs: 15_000,
      bodyTimeoutMs: 30_000,
      maxListBytes: 16 * 1024 * 1024,
      maxAnswerBytes: 1024 * 1024,
    });
  });

  it('name times and sizes the way messages say them', () => {
    expect(describeDuration(15_000)).toBe('15 s');
    expect(describeDuration(1_500)).toBe('1.5 s');
    expect(describeDuration(250)).toBe('250 ms');
    expect(describeSize(16 * 1024 * 1024)).toBe('16 MiB');
    expect(describeSize(64 * 1024)).toBe('64 KiB');
    expect(describeSize(1000)).toBe('1000 bytes');
    expect(describeSize(1536 * 1024)).toBe('1536 KiB');
  });
});
