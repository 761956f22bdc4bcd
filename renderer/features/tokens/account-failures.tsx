import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import type { Account } from '../../../shared/domain/account';
import type { AccountFailure } from '../../../shared/domain/token';
import { accountWhere } from '../accounts/account-label';
import { formatAge, formatDateTime } from './token-format';

export interface AccountFailuresProps {
  readonly failures: readonly AccountFailure[];
  readonly accountsById: ReadonlyMap<string, Account>;
  /** For the age of a last known list. */
  readonly now: Date;
  readonly onRetry: () => void;
  /** A refresh is under way: Retry waits for it. */
  readonly retrying: boolean;
}

/**
 * Accounts whose tokens could not be fetched, shown above the others' tokens:
 * first those listed as last fetched (offline), then those not listed at all.
 * Signed-out accounts are left to `SignedOutAccounts`, which offers to sign in again.
 */
export function AccountFailures({
  failures,
  accountsById,
  now,
  onRetry,
  retrying,
}: AccountFailuresProps) {
  const whoOf = (failure: AccountFailure): string => {
    const account = accountsById.get(failure.accountId);
    return account ? accountWhere(account) : failure.accountId;
  };
  const offline = failures.filter((failure) => failure.lastKnownAt !== null);
  const missing = failures.filter((failure) => failure.lastKnownAt === null);
  const retry = (
    <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
      Retry
    </Button>
  );
  return (
    <>
      {offline.length > 0 && (
        <Alert
          severity="warning"
          variant="outlined"
          icon={<CloudOffRounded />}
          action={retry}
          sx={{ py: 0.25 }}
        >
          {offline.length === 1 && offline[0] ? (
            <>
              <AlertTitle sx={{ mb: 0.25 }}>Offline: {whoOf(offline[0])}</AlertTitle>
              <OfflineText failure={offline[0]} now={now} />
            </>
          ) : (
            <>
              <AlertTitle sx={{ mb: 0.25 }}>Offline: {offline.length} accounts</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {offline.map((failure) => (
                  <li key={failure.accountId}>
                    <strong>{whoOf(failure)}</strong>: <OfflineText failure={failure} now={now} />
                  </li>
                ))}
              </Box>
            </>
          )}
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert severity="warning" variant="outlined" action={retry} sx={{ py: 0.25 }}>
          <AlertTitle sx={{ mb: 0.25 }}>
            {missing.length === 1
              ? "One account's tokens could not be loaded"
              : `${missing.length} accounts' tokens could not be loaded`}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {missing.map((failure) => (
              <li key={failure.accountId}>
                <strong>{whoOf(failure)}</strong>: {failure.message}
              </li>
            ))}
          </Box>
          The tokens of your other accounts are listed below.
        </Alert>
      )}
    </>
  );
}

/** "Could not reach crates.io. Showing its tokens as last fetched 3 hours ago (29 Nov 2026, 06:40)." */
function OfflineText({ failure, now }: { failure: AccountFailure; now: Date }) {
  if (failure.lastKnownAt === null) return failure.message;
  return (
    <>
      {failure.message} Showing its tokens as last fetched{' '}
      <time dateTime={failure.lastKnownAt}>{formatAge(failure.lastKnownAt, now)}</time> (
      {formatDateTime(failure.lastKnownAt)}).
    </>
  );
}
