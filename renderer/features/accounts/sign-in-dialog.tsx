import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState, type SubmitEvent } from 'react';
import type { Account, Registry } from '../../../shared/domain/account';
import { accountWhere, registryHost } from './account-label';
import { RegistryFields, useRegistryForm } from './registry-fields';
import type { SignInAttempt } from './sign-in-context';

/** Add a new account (pick a registry first), or sign in again to a known one. */
export type SignInTarget =
  { readonly mode: 'add' } | { readonly mode: 'again'; readonly account: Account };

export interface SignInDialogProps {
  readonly target: SignInTarget | null;
  readonly attempt: SignInAttempt;
  readonly accounts: readonly Account[];
  readonly onSignIn: (registry: Registry) => void;
  readonly onClose: () => void;
}

/**
 * The sign-in dialog. While the registry's sign-in window is open it shows
 * progress and cannot be closed (closing that window is how to cancel).
 */
export function SignInDialog({ target, attempt, accounts, onSignIn, onClose }: SignInDialogProps) {
  const titleId = useId();
  const signingIn = attempt.phase === 'signing-in';
  return (
    <Dialog
      open={target !== null}
      onClose={signingIn ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
    >
      {target !== null && (
        <SignInForm
          key={target.mode === 'again' ? target.account.id : 'add'}
          titleId={titleId}
          target={target}
          attempt={attempt}
          accounts={accounts}
          onSignIn={onSignIn}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function SignInForm({
  titleId,
  target,
  attempt,
  accounts,
  onSignIn,
  onClose,
}: Omit<SignInDialogProps, 'target'> & { titleId: string; target: SignInTarget }) {
  const form = useRegistryForm(accounts);
  const [submitted, setSubmitted] = useState(false);
  const signingIn = attempt.phase === 'signing-in';

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (signingIn) return;
    if (target.mode === 'again') {
      onSignIn(target.account.registry);
      return;
    }
    setSubmitted(true);
    const registry = form.registry();
    if (registry === null) {
      form.focusFirstProblem();
      return;
    }
    onSignIn(registry);
  };

  const host =
    target.mode === 'again'
      ? registryHost(target.account)
      : attempt.phase === 'signing-in'
        ? registryHost({ registry: attempt.registry })
        : null;

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <DialogTitle id={titleId}>
        {target.mode === 'add'
          ? 'Add an account'
          : `Sign in again as ${accountWhere(target.account)}`}
      </DialogTitle>
      <DialogContent>
        {target.mode === 'add' ? (
          <>
            <DialogContentText sx={{ mb: 2 }}>
              Choose the registry. Its sign-in window opens next: sign in with GitHub as on the
              website. Cratekeeper keeps the session encrypted and sends it to that registry only.
            </DialogContentText>
            <RegistryFields form={form} submitted={submitted} disabled={signingIn} />
          </>
        ) : (
          <DialogContentText>
            The session of {target.account.login} on {host} has ended. Sign in again in the
            registry&apos;s sign-in window to list this account&apos;s tokens again.
          </DialogContentText>
        )}
        <SignInProgress attempt={attempt} host={host} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={signingIn}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" loading={signingIn} loadingPosition="start">
          {signingIn ? 'Signing in…' : 'Sign in'}
        </Button>
      </DialogActions>
    </Box>
  );
}

/** Progress while the sign-in window is open, then why it ended, if it did not work. */
function SignInProgress({ attempt, host }: { attempt: SignInAttempt; host: string | null }) {
  if (attempt.phase === 'signing-in') {
    return (
      <Stack spacing={1} sx={{ mt: 2 }} role="status">
        <LinearProgress aria-label="Waiting for sign-in" />
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Finish signing in to {host ?? 'the registry'} in the window that opened. Close that window
          to cancel.
        </Typography>
      </Stack>
    );
  }
  if (attempt.phase === 'cancelled') {
    return (
      <Typography variant="body2" role="status" sx={{ mt: 2, color: 'text.secondary' }}>
        Sign-in was cancelled. Press Sign in to try again.
      </Typography>
    );
  }
  if (attempt.phase === 'failed') {
    return (
      <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
        <AlertTitle>Sign-in did not work</AlertTitle>
        {attempt.failure.message}
      </Alert>
    );
  }
  return null;
}
