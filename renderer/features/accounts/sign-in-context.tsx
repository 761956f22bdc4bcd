import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Account, Registry } from '../../../shared/domain/account';
import type { Failure } from '../../../shared/ipc/result';
import { useInvoke } from '../../api/invoke-safely';
import { lazyOverlay } from '../../components/lazy-overlay';
import { useNotice } from '../../components/notice';
import { preloadable } from '../../components/preloadable';
import { useVault } from '../vault/vault-context';
import { accountWhere } from './account-label';
import { useAccounts } from './accounts-context';
import type { SignInDialogProps, SignInTarget } from './sign-in-dialog';

/** Where a sign-in stands; the dialog shows it. */
export type SignInAttempt =
  | { readonly phase: 'idle' }
  | { readonly phase: 'signing-in'; readonly registry: Registry }
  | { readonly phase: 'cancelled'; readonly message: string }
  | { readonly phase: 'failed'; readonly failure: Failure };

export interface SignInActions {
  /** Opens "Add account": the user picks a registry, then signs in. */
  readonly addAccount: () => void;
  /** Signs in again to a signed-out account's registry, at once. */
  readonly signInAgain: (account: Account) => void;
}

const SignInContext = createContext<SignInActions | null>(null);

// Loaded on first use (or when idle): the registry form is not part of the first screen.
const SignInDialog = lazyOverlay(
  preloadable(() => import('./sign-in-dialog').then((module) => module.SignInDialog)),
  (props: SignInDialogProps) => props.target !== null,
);

/**
 * Owns the one sign-in dialog of the app, so the app bar, the token list and
 * the Accounts page all start sign-ins the same way. The vault must be usable
 * first: the session cookie goes straight into it.
 */
export function SignInProvider({ children }: { children: ReactNode }) {
  const invoke = useInvoke();
  const notify = useNotice();
  const { ensureReady } = useVault();
  const { accounts } = useAccounts();
  const [target, setTarget] = useState<SignInTarget | null>(null);
  const [attempt, setAttempt] = useState<SignInAttempt>({ phase: 'idle' });

  const run = useCallback(
    async (registry: Registry) => {
      setAttempt({ phase: 'signing-in', registry });
      const answer = await invoke('accounts:sign-in', { registry });
      if (answer.ok) {
        setTarget(null);
        setAttempt({ phase: 'idle' });
        // `accounts` is the list from before this sign-in: say when it added nobody new.
        const known = accounts.find((account) => account.id === answer.value.id);
        notify(
          known?.status === 'signed-in'
            ? `${accountWhere(answer.value)} was already added: its session was renewed.`
            : `Signed in ${known ? 'again ' : ''}as ${accountWhere(answer.value)}.`,
        );
        return;
      }
      const { error } = answer;
      if (error.code === 'cancelled') {
        setAttempt({ phase: 'cancelled', message: error.message });
        return;
      }
      // Locked meanwhile (idle lock): ask for the passphrase over this dialog.
      if (error.code === 'locked') ensureReady();
      setAttempt({ phase: 'failed', failure: error });
    },
    [invoke, ensureReady, notify, accounts],
  );

  const actions = useMemo<SignInActions>(
    () => ({
      addAccount: () => {
        if (!ensureReady()) return;
        setAttempt({ phase: 'idle' });
        setTarget({ mode: 'add' });
      },
      signInAgain: (account) => {
        if (!ensureReady()) return;
        setTarget({ mode: 'again', account });
        void run(account.registry);
      },
    }),
    [ensureReady, run],
  );

  return (
    <SignInContext value={actions}>
      {children}
      <SignInDialog
        target={target}
        attempt={attempt}
        accounts={accounts}
        onSignIn={(registry) => void run(registry)}
        onClose={() => {
          setTarget(null);
          setAttempt({ phase: 'idle' });
        }}
      />
    </SignInContext>
  );
}

/** Starts sign-ins; only valid below a `SignInProvider`. */
export function useSignIn(): SignInActions {
  const actions = use(SignInContext);
  if (!actions) throw new Error('useSignIn() needs a <SignInProvider> above it.');
  return actions;
}
