import { describe, expect, it } from 'vitest';
import { mayOpenExternally } from './external-links';

describe('mayOpenExternally', () => {
  it('opens https links to crates.io, GitHub and their subdomains', () => {
    expect(mayOpenExternally('https://crates.io/crates/serde')).toBe(true);
    expect(mayOpenExternally('https://staging.crates.io/settings/tokens')).toBe(true);
    expect(mayOpenExternally('https://github.com/rust-lang/crates.io')).toBe(true);
  });

  it('refuses other schemes, other hosts and look-alikes', () => {
    expect(mayOpenExternally('http://crates.io/')).toBe(false);
    expect(mayOpenExternally('file:///etc/passwd')).toBe(false);
    expect(mayOpenExternally('javascript:alert(1)')).toBe(false);
    expect(mayOpenExternally('smb://crates.io/share')).toBe(false);
    expect(mayOpenExternally('https://evilcrates.io/')).toBe(false);
    expect(mayOpenExternally('https://crates.io.evil.example/')).toBe(false);
    expect(mayOpenExternally('https://user:pw@github.com/')).toBe(false);
    expect(mayOpenExternally('not a url')).toBe(false);
  });
});
