import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import PersonAddAlt1Rounded from '@mui/icons-material/PersonAddAlt1Rounded';
import { useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';
import { StateMessage } from '../../components/state-message';
import { VaultCard } from '../vault/vault-card';
import { AccountCard } from './account-card';
import { NoAccountMessage } from './no-account-message';
import { accountWhere, registryHost } from './account-label';
import { useAccounts } from './accounts-context';
import { useSignIn } from './sign-in-context';

/** The confirmation asked for; kept after closing so the dialog's text stays while it fades. */
interface Confirming {
  readonly kind: 'sign-out' | 'remove';
  readonly account: Account;
  readonly open: boolean;
}

/** The Accounts page: every account, its session, sign in again, sign out, remove. */
export function AccountsPage() {
  const { accounts, status, error } = useAccounts();
  const { addAccount, signInAgain } = useSignIn();
  const invoke = useInvoke();
  const notify = useNotice();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const close = () => {
    setConfirming((previous) => previous && { ...previous, open: false });
  };

  const signedOut = accounts.filter((account) => account.status === 'signed-out').length;

  let list;
  if (status === 'loading') {
    list = <LinearProgress aria-label="Loading accounts" />;
  } else if (status === 'error' && accounts.length === 0) {
    list = (
      <StateMessage icon={<CloudOffRounded />} title="Your accounts could not be loaded">
        {error?.message}
      </StateMessage>
    );
  } else if (accounts.length === 0) {
    list = (
      <NoAccountMessage title="No accounts yet" onAddAccount={addAccount}>
        Add your crates.io account, or one on any registry that speaks the crates.io API, to see and
        manage its tokens.
      </NoAccountMessage>
    );
  } else {
    list = (
      <Paper variant="outlined" sx={{ borderRadius: 2 }}>
        <Box
          component="ul"
          aria-labelledby="accounts-list-title"
          sx={{ m: 0, p: 0, listStyle: 'none' }}
        >
          {accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              onSignInAgain={signInAgain}
              onSignOut={(chosen) => {
                setConfirming({ kind: 'sign-out', account: chosen, open: true });
              }}
              onRemove={(chosen) => {
                setConfirming({ kind: 'remove', account: chosen, open: true });
              }}
            />
          ))}
        </Box>
      </Paper>
    );
  }

  const confirm = async (): Promise<string | null> => {
    if (confirming === null) return null;
    const { kind, account } = confirming;
    const answer = await invoke(kind === 'sign-out' ? 'accounts:sign-out' : 'accounts:remove', {
      accountId: account.id,
    });
    if (!answer.ok) return answer.error.message;
    notify(
      kind === 'sign-out'
        ? `Signed out ${accountWhere(account)}.`
        : `Removed ${accountWhere(account)}.`,
    );
    return null;
  };

  return (
    <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Stack spacing={3} sx={{ p: 3, maxWidth: 960 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="h5" component="h1">
              Accounts
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {summaryText(accounts.length, signedOut)}
            </Typography>
          </Box>
          {accounts.length > 0 && (
            <Button variant="contained" startIcon={<PersonAddAlt1Rounded />} onClick={addAccount}>
              Add account
            </Button>
          )}
        </Stack>
        <Stack spacing={1}>
          <Typography
            id="accounts-list-title"
            variant="overline"
            component="h2"
            sx={{ color: 'text.secondary', lineHeight: 1.6 }}
          >
            Your accounts
          </Typography>
          {list}
        </Stack>
        <VaultCard />
      </Stack>
      <ConfirmDialog
        open={confirming?.open === true && confirming.kind === 'sign-out'}
        title={
          confirming
            ? `Sign out ${confirming.account.login} from ${registryHost(confirming.account)}?`
            : ''
        }
        confirmLabel="Sign out"
        onConfirm={confirm}
        onClose={close}
      >
        Cratekeeper ends this session on{' '}
        {confirming ? registryHost(confirming.account) : 'the registry'} and forgets it. The
        account&apos;s tokens are not listed until you sign in again; the tokens themselves keep
        working.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming?.open === true && confirming.kind === 'remove'}
        title={confirming ? `Remove ${accountWhere(confirming.account)}?` : ''}
        confirmLabel="Remove"
        tone="error"
        onConfirm={confirm}
        onClose={close}
      >
        Cratekeeper signs this account out and forgets it. Its tokens stay valid on{' '}
        {confirming ? registryHost(confirming.account) : 'the registry'}: revoke them there if
        nobody needs them any more.
      </ConfirmDialog>
    </Box>
  );
}

function summaryText(total: number, signedOut: number): string {
  if (total === 0) return 'Sign in to a registry to manage its tokens.';
  const accounts = total === 1 ? '1 account' : `${total} accounts`;
  return signedOut === 0 ? accounts : `${accounts}, ${signedOut} signed out`;
}
