import { passphraseSchema } from '../../../shared/domain/vault';

export interface NewPassphraseErrors {
  readonly passphrase: string | null;
  readonly repeat: string | null;
}

/** The shortest passphrase the core accepts (shared/domain/vault.ts). */
export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * Live checks for choosing a passphrase. The length rule is the contract's;
 * a mismatch is only reported once the repeat is as long as the first entry
 * (or the user submits), so typing the repeat is not met with an error.
 */
export function newPassphraseErrors(
  passphrase: string,
  repeat: string,
  submitted: boolean,
): NewPassphraseErrors {
  let first: string | null = null;
  if (passphrase !== '' || submitted) {
    const parsed = passphraseSchema.safeParse(passphrase);
    if (!parsed.success) {
      first =
        passphrase.length < MIN_PASSPHRASE_LENGTH
          ? `Use at least ${MIN_PASSPHRASE_LENGTH} characters (${passphrase.length} so far).`
          : (parsed.error.issues[0]?.message ?? 'This passphrase cannot be used.');
    }
  }
  let second: string | null = null;
  if (repeat !== passphrase && (submitted || repeat.length >= passphrase.length)) {
    second = repeat === '' ? 'Type the passphrase again.' : 'The two passphrases are not the same.';
  }
  return { passphrase: first, repeat: second };
}
