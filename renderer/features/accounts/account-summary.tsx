import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import PersonAddAlt1Rounded from '@mui/icons-material/PersonAddAlt1Rounded';
import { accountWhere, registryHost } from './account-label';
import { AccountAvatar } from './account-avatar';
import { useAccounts } from './accounts-context';
import { useSignIn } from './sign-in-context';
import { visuallyHidden } from '../../components/visually-hidden';

/** More accounts than this are summarised as avatars and a count. */
const NAMED_ACCOUNTS = 3;

/** The app bar's account area: who is signed in, on which registry, and a way to add one. */
export function AccountSummary() {
  const { signedIn, status } = useAccounts();
  const { addAccount } = useSignIn();
  if (status === 'loading') return null;
  if (signedIn.length === 0) {
    return (
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Not signed in
        </Typography>
        <Button
          variant="outlined"
          size="small"
          startIcon={<PersonAddAlt1Rounded />}
          onClick={addAccount}
        >
          Add account
        </Button>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <SignedInList />
      <Tooltip title="Add account">
        <IconButton aria-label="Add account" onClick={addAccount}>
          <PersonAddAlt1Rounded fontSize="small" />
        </IconButton>
      </Tooltip>
    </Stack>
  );
}

function SignedInList() {
  const { signedIn } = useAccounts();
  const named = signedIn.length <= NAMED_ACCOUNTS;
  return (
    <Stack
      component="ul"
      direction="row"
      aria-label="Signed-in accounts"
      spacing={named ? 2 : -0.75}
      sx={{ m: 0, p: 0, listStyle: 'none', alignItems: 'center' }}
    >
      {signedIn.map((account) => {
        const where = accountWhere(account);
        return (
          <Stack
            key={account.id}
            component="li"
            direction="row"
            spacing={1}
            title={account.displayName ? `${account.displayName} (${where})` : where}
            sx={{ alignItems: 'center', minWidth: 0 }}
          >
            <AccountAvatar account={account} size={named ? 26 : 28} />
            <Box sx={named ? { minWidth: 0, lineHeight: 1.15 } : visuallyHidden}>
              <Typography variant="body2" noWrap sx={{ fontWeight: 600, lineHeight: 'inherit' }}>
                {account.login}
              </Typography>
              <Typography
                variant="caption"
                noWrap
                sx={{ display: 'block', color: 'text.secondary', lineHeight: 'inherit' }}
              >
                {registryHost(account)}
              </Typography>
            </Box>
          </Stack>
        );
      })}
      {!named && (
        <Typography variant="body2" aria-hidden sx={{ pl: 2, color: 'text.secondary' }}>
          {signedIn.length} accounts
        </Typography>
      )}
    </Stack>
  );
}
