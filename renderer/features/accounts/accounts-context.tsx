import { createContext, use, useMemo, useState, type ReactNode } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { Failure } from '../../../shared/ipc/result';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { signedInAccounts } from './account-label';

export interface AccountsState {
  /** Every account the app knows, signed in or not; empty until loaded. */
  readonly accounts: readonly Account[];
  readonly signedIn: readonly Account[];
  readonly byId: ReadonlyMap<string, Account>;
  readonly status: 'loading' | 'error' | 'ready';
  readonly error: Failure | undefined;
}

const AccountsContext = createContext<AccountsState | null>(null);

/**
 * Loads the account list once and keeps it current from `accounts:changed`,
 * so the app bar and every feature read the same accounts.
 */
export function AccountsProvider({ children }: { children: ReactNode }) {
  const call = useCall('accounts:list', {});
  // A pushed list is always newer than the answer to the initial call.
  const [pushed, setPushed] = useState<readonly Account[] | null>(null);
  useEvent('accounts:changed', setPushed);

  const accounts = pushed ?? call.value;
  const state = useMemo<AccountsState>(() => {
    const list = accounts ?? [];
    return {
      accounts: list,
      signedIn: signedInAccounts(list),
      byId: new Map(list.map((account) => [account.id, account])),
      status: pushed ? 'ready' : call.status,
      error: pushed ? undefined : call.error,
    };
  }, [accounts, pushed, call.status, call.error]);

  return <AccountsContext value={state}>{children}</AccountsContext>;
}

/** The accounts as loaded by the nearest `AccountsProvider`. */
export function useAccounts(): AccountsState {
  const state = use(AccountsContext);
  if (!state) throw new Error('useAccounts() needs an <AccountsProvider> above it.');
  return state;
}
