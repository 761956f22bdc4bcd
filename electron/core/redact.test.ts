import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('masks crates.io tokens and session cookies', () => {
    const token = 'cio' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
    const line = `PUT failed for ${token} with Cookie: cargo_session=abc%2Fdef; other=1`;
    const redacted = redactSecrets(line);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain('abc%2Fdef');
    expect(redacted).toContain('cargo_session=[redacted]');
  });

  it('leaves ordinary words alone', () => {
    expect(redactSecrets('cionnection to crates.io failed')).toBe(
      'cionnection to crates.io failed',
    );
  });
});
