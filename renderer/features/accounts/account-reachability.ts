import { useSyncExternalStore } from 'react';
import type { AccountFailure, AccountFailureKind } from '../../../shared/domain/token';

/*
 * What the last token list said about each account's registry, for pages
 * that do not fetch the list themselves: the Accounts page must not show a
 * session as plainly "Signed in" while its registry cannot be reached.
 */

export interface AccountTrouble {
  readonly kind: AccountFailureKind;
  readonly message: string;
}

let troubles: ReadonlyMap<string, AccountTrouble> = new Map();
const listeners = new Set<() => void>();

/** Called with each list's failures; an account without one is fine again. */
export function rememberAccountFailures(failures: readonly AccountFailure[]): void {
  const next = new Map<string, AccountTrouble>();
  for (const failure of failures) {
    next.set(failure.accountId, { kind: failure.kind ?? 'offline', message: failure.message });
  }
  const same =
    next.size === troubles.size &&
    [...next].every(([id, trouble]) => {
      const before = troubles.get(id);
      return before?.kind === trouble.kind && before.message === trouble.message;
    });
  if (same) return;
  troubles = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The trouble the last list had with this account, if any. */
export function useAccountTrouble(accountId: string): AccountTrouble | undefined {
  return useSyncExternalStore(subscribe, () => troubles.get(accountId));
}
