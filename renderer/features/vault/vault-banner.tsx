import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { describeVault } from './vault-labels';
import { useVault } from './vault-context';

/**
 * A strip under the app bar while the vault cannot be used, so that after
 * "Not now" the way back is always in sight.
 */
export function VaultBanner() {
  const { status, openDialog } = useVault();
  if (status === undefined || status.state === 'ready') return null;
  const { title, detail } = describeVault(status);
  const needsPassphrase = status.state === 'needs-passphrase';
  return (
    <Alert
      severity={needsPassphrase ? 'warning' : 'info'}
      square
      sx={{ borderBottom: 1, borderColor: 'divider', py: 0.25, px: 3 }}
      action={
        <Button
          color="inherit"
          variant="outlined"
          size="small"
          onClick={openDialog}
          sx={{ whiteSpace: 'nowrap', alignSelf: 'center' }}
        >
          {needsPassphrase ? 'Choose a passphrase' : 'Enter passphrase'}
        </Button>
      }
    >
      <AlertTitle sx={{ mb: 0 }}>{title}</AlertTitle>
      {detail}
    </Alert>
  );
}
