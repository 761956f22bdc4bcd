import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { Account } from '../../../shared/domain/account';
import type { TokenList } from '../../../shared/domain/token';
import { accountWhere } from '../accounts/account-label';

export interface AccountFailuresProps {
  readonly failures: TokenList['failures'];
  readonly accountsById: ReadonlyMap<string, Account>;
}

/**
 * Accounts whose tokens could not be fetched, shown above the others' tokens.
 * Signed-out accounts are left to `SignedOutAccounts`, which offers to sign in again.
 */
export function AccountFailures({ failures, accountsById }: AccountFailuresProps) {
  if (failures.length === 0) return null;
  const title =
    failures.length === 1
      ? "One account's tokens could not be loaded"
      : `${failures.length} accounts' tokens could not be loaded`;
  return (
    <Alert severity="warning" variant="outlined" sx={{ py: 0.25 }}>
      <AlertTitle sx={{ mb: 0.25 }}>{title}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {failures.map((failure) => {
          const account = accountsById.get(failure.accountId);
          const who = account ? accountWhere(account) : failure.accountId;
          return (
            <li key={failure.accountId}>
              <strong>{who}</strong>: {failure.message}
            </li>
          );
        })}
      </Box>
      The tokens of your other accounts are listed below. Refresh to try again.
    </Alert>
  );
}
