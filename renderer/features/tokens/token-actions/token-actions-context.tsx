import { createContext, use, useCallback, useState, type ReactNode } from 'react';
import type { TokenView } from '../../../../shared/domain/token';
import { useAccounts } from '../../accounts/accounts-context';
import { CargoProvider } from '../../cargo/cargo-context';
import { CargoNotices } from '../../cargo/cargo-notices';
import { openNewToken } from '../../new-token/new-token-route';
import { ForgetTokenDialog } from './forget-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { LazyRotateTokenDialog } from './lazy-rotate-token-dialog';
import type { TokenActionKind } from './token-action-rules';

type OpenTokenAction = (kind: TokenActionKind, token: TokenView) => void;

const TokenActionsContext = createContext<OpenTokenAction | null>(null);

/** The open action's handler for rows; null outside a `TokenActionsProvider` (no buttons then). */
export function useTokenActions(): OpenTokenAction | null {
  return use(TokenActionsContext);
}

interface Pending {
  readonly kind: Exclude<TokenActionKind, 'regenerate'>;
  readonly token: TokenView;
}

/**
 * Hosts the rows' Revoke, Rotate and Forget dialogs, so memoised rows need only a
 * stable function from context, and cargo's state for the rows (with what
 * cargo's file says above the list). `onChanged` refreshes the list once the
 * registry confirmed a change.
 */
export function TokenActionsProvider({
  onChanged,
  listFetchedAt,
  children,
}: {
  onChanged: () => void;
  /** When the token list was fetched: cargo's status is asked again with each new list. */
  listFetchedAt?: string | undefined;
  children: ReactNode;
}) {
  const { byId } = useAccounts();
  const [pending, setPending] = useState<Pending | null>(null);
  const openAction = useCallback<OpenTokenAction>((kind, token) => {
    if (kind === 'regenerate') openNewToken(token);
    else setPending({ kind, token });
  }, []);
  const close = useCallback(() => {
    setPending(null);
  }, []);
  const account = pending?.token.accountId == null ? undefined : byId.get(pending.token.accountId);

  return (
    <TokenActionsContext value={openAction}>
      <CargoProvider listFetchedAt={listFetchedAt}>
        <CargoNotices onImported={onChanged} />
        {children}
        <RevokeTokenDialog
          token={pending?.kind === 'revoke' ? pending.token : null}
          account={account}
          onRevoked={onChanged}
          onClose={close}
        />
        <ForgetTokenDialog
          token={pending?.kind === 'forget' ? pending.token : null}
          onForgotten={onChanged}
          onClose={close}
        />
        <LazyRotateTokenDialog
          token={pending?.kind === 'rotate' ? pending.token : null}
          account={account}
          onRotated={onChanged}
          onClose={close}
        />
      </CargoProvider>
    </TokenActionsContext>
  );
}
