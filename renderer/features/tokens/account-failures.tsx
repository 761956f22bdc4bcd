import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import HourglassTopRounded from '@mui/icons-material/HourglassTopRounded';
import LockRounded from '@mui/icons-material/LockRounded';
import type { ReactNode } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { AccountFailure, AccountFailureKind } from '../../../shared/domain/token';
import { accountWhere } from '../accounts/account-label';
import { useVault } from '../vault/vault-context';
import { formatAge, formatDateTime, formatRelative, formatTime } from './token-format';

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
  const { openDialog } = useVault();
  const whoOf = (failure: AccountFailure): string => {
    const account = accountsById.get(failure.accountId);
    return account ? accountWhere(account) : failure.accountId;
  };
  const shown = failures.filter((failure) => failure.lastKnownAt !== null);
  const missing = failures.filter((failure) => failure.lastKnownAt === null);
  const retry = (
    <Button color="inherit" size="small" onClick={onRetry} disabled={retrying}>
      Retry
    </Button>
  );
  const unlock = (
    <Button color="inherit" size="small" onClick={openDialog}>
      Unlock
    </Button>
  );
  return (
    <>
      {SHOWN_KINDS.map((kind) => {
        const group = shown.filter((failure) => kindOf(failure) === kind);
        const { title, icon } = PRESENTATION[kind];
        if (group.length === 0) return null;
        return (
          <Alert
            key={kind}
            severity="warning"
            variant="outlined"
            icon={icon}
            action={kind === 'locked' ? unlock : retry}
            sx={{ py: 0.25 }}
          >
            {group.length === 1 && group[0] ? (
              <>
                <AlertTitle sx={{ mb: 0.25 }}>
                  {title}: {whoOf(group[0])}
                </AlertTitle>
                <LastKnownText failure={group[0]} now={now} />
              </>
            ) : (
              <>
                <AlertTitle sx={{ mb: 0.25 }}>
                  {title}: {group.length} accounts
                </AlertTitle>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {group.map((failure) => (
                    <li key={failure.accountId}>
                      <strong>{whoOf(failure)}</strong>:{' '}
                      <LastKnownText failure={failure} now={now} />
                    </li>
                  ))}
                </Box>
              </>
            )}
          </Alert>
        );
      })}
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
                <RetryAt failure={failure} now={now} />
              </li>
            ))}
          </Box>
          The tokens of your other accounts are listed below.
        </Alert>
      )}
    </>
  );
}

/** Older cores sent no kind: their failures were all "offline". */
function kindOf(failure: AccountFailure): AccountFailureKind {
  return failure.kind ?? 'offline';
}

/** The kinds shown with their last known tokens, each in its own notice. */
const SHOWN_KINDS = ['offline', 'rate-limited', 'locked'] as const;

/** A 429 is the registry asking to wait and a locked vault is the app's own state: neither is "offline". */
const PRESENTATION: Record<(typeof SHOWN_KINDS)[number], { title: string; icon: ReactNode }> = {
  offline: { title: 'Offline', icon: <CloudOffRounded /> },
  'rate-limited': { title: 'Registry busy', icon: <HourglassTopRounded /> },
  locked: { title: 'Vault locked', icon: <LockRounded /> },
};

/** " Try again after 21:40:15 (in 30 seconds)." for a 429 that said when. */
function RetryAt({ failure, now }: { failure: AccountFailure; now: Date }) {
  if (kindOf(failure) !== 'rate-limited') return null;
  const retryAt = failure.retryAt ?? null;
  if (retryAt === null) return <> Try again in a few minutes.</>;
  if (Date.parse(retryAt) <= now.getTime()) return <> You can try again now.</>;
  return (
    <>
      {' '}
      Try again after <time dateTime={retryAt}>{formatTime(retryAt)}</time> (
      {formatRelative(retryAt, now)}).
    </>
  );
}

/** "Could not reach crates.io. Showing its tokens as last fetched 3 hours ago (29 Nov 2026, 06:40)." */
function LastKnownText({ failure, now }: { failure: AccountFailure; now: Date }) {
  if (failure.lastKnownAt === null) return failure.message;
  return (
    <>
      {failure.message}
      <RetryAt failure={failure} now={now} /> Showing its tokens as last fetched{' '}
      <time dateTime={failure.lastKnownAt}>{formatAge(failure.lastKnownAt, now)}</time> (
      {formatDateTime(failure.lastKnownAt)}).
    </>
  );
}
