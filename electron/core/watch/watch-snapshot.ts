/** What the expiry watch looks at: every token it knows, from wherever it is known. */

export interface WatchedToken {
  /** The list key (`${accountId}/${tokenId}` or `imported/${id}`). */
  readonly key: string;
  readonly name: string;
  readonly expiresAt: string | null;
  readonly source: 'registry' | 'imported';
  /** Where it lives, for messages (`crates.io`, a registry's host). */
  readonly registryLabel: string;
  /** Rotate and Regenerate can replace it (a scoped registry token of a signed-in account). */
  readonly replaceable: boolean;
  /** Cratekeeper holds its secret. */
  readonly secretHeld: boolean;
}

/** A held secret whose token the registry no longer lists. */
export interface LostToken {
  readonly key: string;
  readonly name: string;
  readonly registryLabel: string;
}

export interface SignedOutAccount {
  readonly accountId: string;
  /** `login on host`. */
  readonly label: string;
}

export interface WatchSnapshot {
  readonly tokens: readonly WatchedToken[];
  readonly revokedElsewhere: readonly LostToken[];
  readonly signedOut: readonly SignedOutAccount[];
}

/** Where the watch gets its tokens; the core's lists and cache in the app, fakes in tests. */
export interface WatchSources {
  /** What is known now, without asking any registry. */
  snapshot(): Promise<WatchSnapshot>;
  /** Asks every signed-in account's registry again (through the retry policy and offline cache). */
  refresh(): Promise<void>;
}

/** `crates.io` for `crates.io#7`: an account id is `${host}#${userId}`. */
export function registryLabelOfAccount(accountId: string): string {
  const hash = accountId.lastIndexOf('#');
  return hash > 0 ? accountId.slice(0, hash) : accountId;
}
