import { describe, expect, it } from 'vitest';
import { newPassphraseErrors } from './passphrase-rules';

describe('newPassphraseErrors', () => {
  it('stays quiet before the user types', () => {
    expect(newPassphraseErrors('', '', false)).toEqual({ passphrase: null, repeat: null });
  });

  it('asks for at least 8 characters, counting what is there', () => {
    expect(newPassphraseErrors('short', '', false).passphrase).toBe(
      'Use at least 8 characters (5 so far).',
    );
    expect(newPassphraseErrors('long enough', '', false).passphrase).toBeNull();
  });

  it('reports a mismatch only once the repeat is complete, or on submit', () => {
    expect(newPassphraseErrors('long enough', 'long', false).repeat).toBeNull();
    expect(newPassphraseErrors('long enough', 'long enougx', false).repeat).toBe(
      'The two passphrases are not the same.',
    );
    expect(newPassphraseErrors('long enough', 'long', true).repeat).toBe(
      'The two passphrases are not the same.',
    );
    expect(newPassphraseErrors('long enough', '', true).repeat).toBe('Type the passphrase again.');
  });

  it('passes matching passphrases of 8 or more characters', () => {
    expect(newPassphraseErrors('pass phrase', 'pass phrase', true)).toEqual({
      passphrase: null,
      repeat: null,
    });
  });

  it('asks for a passphrase on submit of an empty form', () => {
    expect(newPassphraseErrors('', '', true).passphrase).toBe(
      'Use at least 8 characters (0 so far).',
    );
  });
});
