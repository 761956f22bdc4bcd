import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { Account } from '../../../shared/domain/account';
import type { AccountFailure } from '../../../shared/domain/token';
import { accountWhere } from '../accounts/account-label';
import { useVault } from '../vault/vault-context';
import { formatAge, formatDateTime } from '../tokens/token-format';

export interface CratesFailuresProps {
  /** Accounts whose session ended: their crates are missing, and one press brings them back. */
  readonly signedOut: readonly Account[];
  /** The other accounts whose crates could not be read. */
  readonly failures: readonly AccountFailure[];
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly now: Date;
  readonly onRetry: () => void;
  readonly retrying: boolean;
  readonly onSignInAgain: (account: Account) => void;
}

/**
 * Accounts whose crates could not be read, as the token list says it: the
 * registry's reason, whether older crates are shown, and what to do (Retry,
 * Unlock, Sign in again). The other accounts' crates are listed below.
 */
export function CratesFailures(props: CratesFailuresProps) {
  const {
    signedOut,
    failures: others,
    accountsById,
    now,
    onRetry,
    retrying,
    onSignInAgain,
  } = props;
  const { openDialog } = useVault();
  if (signedOut.length === 0 && others.length === 0) return null;
  const locked = others.some((failure) => failure.kind === 'locked');
  const whoOf = (failure: AccountFailure): string => {
    const account = accountsById.get(failure.accountId);
    return account ? accountWhere(account) : failure.accountId;
  };
  return (
    <>
      {signedOut.length > 0 && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0.25 }}>
          <AlertTitle sx={{ mb: 0.5 }}>
            {signedOut.length === 1
              ? 'One account is signed out: its crates are not listed'
              : `${signedOut.length} accounts are signed out: their crates are not listed`}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {signedOut.map((account) => (
              <Box
                component="li"
                key={account.id}
                sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.25 }}
              >
                <span>
                  <strong>{accountWhere(account)}</strong>: the session has ended.
                </span>
                <Button
                  size="small"
                  variant="outlined"
                  color="inherit"
                  aria-label={`Sign in again as ${accountWhere(account)}`}
                  onClick={() => {
                    onSignInAgain(account);
                  }}
                >
                  Sign in again
                </Button>
              </Box>
            ))}
          </Box>
        </Alert>
      )}
      {others.length > 0 && (
        <Alert
          severity="warning"
          variant="outlined"
          sx={{ py: 0.25 }}
          action={
            locked ? (
              <Button color="inherit" size="small" onClick={openDialog}>
                Unlock
              </Button>
            ) : (
              <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
                Retry
              </Button>
            )
          }
        >
          <AlertTitle sx={{ mb: 0.25 }}>
            {others.length === 1
              ? "One account's crates could not be loaded"
              : `${others.length} accounts' crates could not be loaded`}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {others.map((failure) => (
              <li key={failure.accountId}>
                <strong>{whoOf(failure)}</strong>: {failure.message}
                {failure.lastKnownAt !== null && (
                  <>
                    {' '}
                    Showing its crates as last fetched{' '}
                    <time dateTime={failure.lastKnownAt}>
                      {formatAge(failure.lastKnownAt, now)}
                    </time>{' '}
                    ({formatDateTime(failure.lastKnownAt)}).
                  </>
                )}
              </li>
            ))}
          </Box>
          The crates of your other accounts are listed below.
        </Alert>
      )}
    </>
  );
}
