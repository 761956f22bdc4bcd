import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { Account } from '../../../shared/domain/account';
import { accountWhere } from '../accounts/account-label';

export interface SignedOutAccountsProps {
  readonly accounts: readonly Account[];
  readonly onSignInAgain: (account: Account) => void;
}

/**
 * Accounts whose session ended (the registry refused it, or the user signed
 * out): their tokens are missing from the list, and one press brings them back.
 */
export function SignedOutAccounts({ accounts, onSignInAgain }: SignedOutAccountsProps) {
  if (accounts.length === 0) return null;
  const title =
    accounts.length === 1
      ? 'One account is signed out: its tokens are not listed'
      : `${accounts.length} accounts are signed out: their tokens are not listed`;
  return (
    <Alert severity="warning" variant="outlined" sx={{ py: 0.25 }}>
      <AlertTitle sx={{ mb: 0.5 }}>{title}</AlertTitle>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {accounts.map((account) => {
          const where = accountWhere(account);
          return (
            <Box
              component="li"
              key={account.id}
              sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 0.25 }}
            >
              <span>
                <strong>{where}</strong>: the session has ended.
              </span>
              <Button
                size="small"
                variant="outlined"
                color="inherit"
                aria-label={`Sign in again as ${where}`}
                onClick={() => {
                  onSignInAgain(account);
                }}
              >
                Sign in again
              </Button>
            </Box>
          );
        })}
      </Box>
    </Alert>
  );
}
