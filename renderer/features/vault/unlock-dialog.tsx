import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import LockRounded from '@mui/icons-material/LockRounded';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { VaultStatus } from '../../../shared/domain/vault';
import { useInvoke } from '../../api/invoke-safely';
import { MIN_PASSPHRASE_LENGTH } from './passphrase-rules';
import { idleText } from './vault-labels';

export interface UnlockDialogProps {
  readonly open: boolean;
  readonly status: VaultStatus;
  readonly onStatus: (status: VaultStatus) => void;
  readonly onDismiss: () => void;
}

/** The core's own words for a wrong passphrase, also used for one too short to be right. */
const WRONG_PASSPHRASE = 'That passphrase does not unlock the vault.';

/** Asks for the passphrase of a locked vault. A wrong one keeps the dialog, with the reason. */
export function UnlockDialog({ open, status, onStatus, onDismiss }: UnlockDialogProps) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onDismiss} maxWidth="xs" fullWidth aria-labelledby={titleId}>
      {/* Keyed by opening, so a typed passphrase never outlives the dialog. */}
      {open && (
        <UnlockForm titleId={titleId} status={status} onStatus={onStatus} onDismiss={onDismiss} />
      )}
    </Dialog>
  );
}

function UnlockForm({
  titleId,
  status,
  onStatus,
  onDismiss,
}: Omit<UnlockDialogProps, 'open'> & { titleId: string }) {
  const invoke = useInvoke();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending) return;
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      // Every passphrase is at least 8 characters: no need to ask the core.
      setError(passphrase === '' ? 'Enter your passphrase.' : WRONG_PASSPHRASE);
      fieldRef.current?.select();
      return;
    }
    setPending(true);
    const answer = await invoke('vault:unlock', { passphrase });
    setPending(false);
    if (answer.ok) {
      setPassphrase('');
      onStatus(answer.value);
      return;
    }
    setError(answer.error.message);
    fieldRef.current?.select();
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <LockRounded aria-hidden color="primary" />
          <span>Unlock Cratekeeper</span>
        </Stack>
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Your sessions and token secrets are encrypted with your passphrase. Enter it to see your
          tokens. Cratekeeper locks itself again after {idleText(status.idleLockMinutes)} without
          use.
        </DialogContentText>
        <TextField
          label="Passphrase"
          type="password"
          autoComplete="current-password"
          autoFocus
          fullWidth
          value={passphrase}
          inputRef={fieldRef}
          error={error !== null}
          helperText={error ?? ' '}
          onChange={(event) => {
            setPassphrase(event.target.value);
            setError(null);
          }}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onDismiss} disabled={pending}>
          Not now
        </Button>
        <Button type="submit" variant="contained" loading={pending}>
          Unlock
        </Button>
      </DialogActions>
    </Box>
  );
}
