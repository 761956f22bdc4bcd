import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import LockOpenRounded from '@mui/icons-material/LockOpenRounded';
import { useState } from 'react';
import { useVault } from './vault-context';

/** "Lock now" in the app bar, for a passphrase vault that is unlocked. */
export function LockButton() {
  const { status, lock } = useVault();
  const [pending, setPending] = useState(false);
  if (status?.cipher !== 'passphrase' || status.state !== 'ready') return null;
  return (
    <Tooltip title="Lock now: forget the key until you enter your passphrase again">
      <IconButton
        aria-label="Lock now"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void lock().finally(() => {
            setPending(false);
          });
        }}
      >
        <LockOpenRounded fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
