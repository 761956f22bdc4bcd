import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import PasswordRounded from '@mui/icons-material/PasswordRounded';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { VaultStatus } from '../../../shared/domain/vault';
import { useInvoke } from '../../api/invoke-safely';
import { newPassphraseErrors } from './passphrase-rules';
import { idleText } from './vault-labels';

export interface ChoosePassphraseDialogProps {
  readonly open: boolean;
  readonly status: VaultStatus;
  readonly onStatus: (status: VaultStatus) => void;
  readonly onDismiss: () => void;
}

/**
 * Shown when the OS keychain is missing or only Linux's `basic_text`: explains
 * why in plain words and has the user choose a passphrase (entered twice)
 * before anything can be stored.
 */
export function ChoosePassphraseDialog(props: ChoosePassphraseDialogProps) {
  const { open, onDismiss } = props;
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onDismiss} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      {open && <ChooseForm titleId={titleId} {...props} />}
    </Dialog>
  );
}

function ChooseForm({
  titleId,
  status,
  onStatus,
  onDismiss,
}: ChoosePassphraseDialogProps & { titleId: string }) {
  const invoke = useInvoke();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const errors = newPassphraseErrors(passphrase, repeat, submitted);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    const final = newPassphraseErrors(passphrase, repeat, true);
    if (final.passphrase !== null) {
      firstRef.current?.focus();
      return;
    }
    if (final.repeat !== null) {
      repeatRef.current?.focus();
      return;
    }
    setPending(true);
    setFailure(null);
    const answer = await invoke('vault:use-passphrase', { passphrase });
    setPending(false);
    if (answer.ok) {
      setPassphrase('');
      setRepeat('');
      onStatus(answer.value);
    } else {
      setFailure(answer.error.message);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <PasswordRounded aria-hidden color="primary" />
          <span>Choose a passphrase</span>
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          {status.keychainProblem ?? 'This system has no usable OS keychain.'}
        </Alert>
        <DialogContentText sx={{ mb: 2 }}>
          Cratekeeper encrypts your sign-in sessions and token secrets with a key made from this
          passphrase. It asks for it when it starts and after {idleText(status.idleLockMinutes)}{' '}
          without use. Nobody can recover it: if you forget it, you sign in again and import your
          tokens again.
        </DialogContentText>
        <Stack spacing={1}>
          <TextField
            label="New passphrase"
            type="password"
            autoComplete="new-password"
            autoFocus
            fullWidth
            value={passphrase}
            inputRef={firstRef}
            error={errors.passphrase !== null}
            helperText={errors.passphrase ?? 'At least 8 characters; a few words are easy to type.'}
            onChange={(event) => {
              setPassphrase(event.target.value);
            }}
          />
          <TextField
            label="Repeat passphrase"
            type="password"
            autoComplete="new-password"
            fullWidth
            value={repeat}
            inputRef={repeatRef}
            error={errors.repeat !== null}
            helperText={errors.repeat ?? ' '}
            onChange={(event) => {
              setRepeat(event.target.value);
            }}
          />
        </Stack>
        {failure !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onDismiss} disabled={pending}>
          Not now
        </Button>
        <Button type="submit" variant="contained" loading={pending}>
          Use this passphrase
        </Button>
      </DialogActions>
    </Box>
  );
}
