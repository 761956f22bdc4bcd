import type { VaultStatus } from '../../../shared/domain/vault';

/** Where secrets are kept, in words: a short title and what it means for the user. */
export interface VaultDescription {
  readonly title: string;
  readonly detail: string;
}

/**
 * Describes the vault for the Accounts page and the banner. The keychain's
 * problem comes from the core already worded for people; it is quoted so the
 * user learns why Cratekeeper asks for a passphrase at all.
 */
export function describeVault(status: VaultStatus): VaultDescription {
  if (status.state === 'needs-passphrase') {
    return {
      title: 'Choose a passphrase to keep your secrets safe',
      detail: `${status.keychainProblem ?? 'This system has no usable OS keychain.'} Until you choose one, Cratekeeper cannot sign in or keep tokens.`,
    };
  }
  if (status.cipher === 'passphrase') {
    const idle = idleText(status.idleLockMinutes);
    if (status.state === 'locked') {
      return {
        title: 'Cratekeeper is locked',
        detail: `Your sessions and token secrets are encrypted with your passphrase. Enter it to use them again. Cratekeeper locks itself after ${idle} without use.`,
      };
    }
    return {
      title: 'Secrets are protected by your passphrase',
      detail: `Sessions and token secrets are encrypted with a key derived from your passphrase, which Cratekeeper forgets when it locks: after ${idle} without use, or when you press Lock now.`,
    };
  }
  return {
    title: 'Secrets are kept with your OS keychain',
    detail:
      'Sessions and token secrets are encrypted with a key that your operating system keeps in its keychain, for your user only.',
  };
}

/** "15 minutes", "1 minute", "2 hours". */
export function idleText(minutes: number): string {
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    return hours === 1 ? '1 hour' : `${hours} hours`;
  }
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
