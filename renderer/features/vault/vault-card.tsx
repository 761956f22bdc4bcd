import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import KeyRounded from '@mui/icons-material/KeyRounded';
import LockRounded from '@mui/icons-material/LockRounded';
import PasswordRounded from '@mui/icons-material/PasswordRounded';
import ShieldRounded from '@mui/icons-material/ShieldRounded';
import { useId } from 'react';
import { describeVault } from './vault-labels';
import { useVault } from './vault-context';

/** Where secrets are kept, for the Accounts page: keychain or passphrase, and what that means. */
export function VaultCard() {
  const { status } = useVault();
  const headingId = useId();
  if (status === undefined) return null;
  const { title, detail } = describeVault(status);
  let icon = <ShieldRounded />;
  if (status.state === 'locked') icon = <LockRounded />;
  else if (status.cipher === 'passphrase') icon = <PasswordRounded />;
  else if (status.cipher === 'os-keychain') icon = <KeyRounded />;
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: 2, borderRadius: 2 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box
          aria-hidden
          sx={{
            display: 'grid',
            placeItems: 'center',
            width: 36,
            height: 36,
            flexShrink: 0,
            borderRadius: '50%',
            bgcolor: 'action.selected',
            color: 'primary.main',
          }}
        >
          {icon}
        </Box>
        <Box>
          <Typography
            variant="overline"
            component="h2"
            sx={{ color: 'text.secondary', lineHeight: 1.6 }}
          >
            Where secrets are kept
          </Typography>
          <Typography
            id="vault-card-title"
            variant="subtitle1"
            component="p"
            sx={{ fontWeight: 650 }}
          >
            {title}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 720 }}>
            {detail}
          </Typography>
        </Box>
      </Stack>
    </Paper>
  );
}
