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
import { useId, useState } from 'react';
import type { CargoStatus, CargoWritePlan } from '../../../shared/domain/cargo-use';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useCall } from '../../api/use-call';
import { MONO_FONT } from '../../components/fonts';
import { useNotice } from '../../components/notice';
import { useVault } from '../vault/vault-context';
import { CargoChangeView } from './cargo-change-view';
import { registryTextOf } from './registry-text';

export interface UseWithCargoDialogProps {
  /** The held token to hand to cargo; null = closed. */
  readonly token: TokenView | null;
  /** After the write: the status the core answered. */
  readonly onWritten: (status: CargoStatus) => void;
  readonly onClose: () => void;
}

/**
 * "Use NAME with cargo": first shows what the write would do (`cargo:plan`):
 * the file, the change with the secret masked, and whatever would make cargo
 * ignore it; writes only on "Write to cargo". Stays open with the reason when
 * the write is refused (a malformed file, a locked vault).
 */
export function UseWithCargoDialog({ token, onWritten, onClose }: UseWithCargoDialogProps) {
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={token !== null}
      onClose={() => {
        if (!busy) onClose();
      }}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      transitionDuration={{ exit: 0 }}
    >
      {token !== null && (
        <UseWithCargoContent
          key={token.key}
          titleId={titleId}
          token={token}
          onWritten={onWritten}
          onClose={onClose}
          onBusyChange={setBusy}
        />
      )}
    </Dialog>
  );
}

function UseWithCargoContent({
  titleId,
  token,
  onWritten,
  onClose,
  onBusyChange,
}: Omit<UseWithCargoDialogProps, 'token'> & {
  titleId: string;
  token: TokenView;
  onBusyChange: (busy: boolean) => void;
}) {
  const invoke = useInvoke();
  const notify = useNotice();
  const { ensureReady } = useVault();
  const plan = useCall('cargo:plan', { key: token.key });
  const [writing, setWriting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const write = async () => {
    setWriting(true);
    onBusyChange(true);
    setError(null);
    const answer = await invoke('cargo:write', { key: token.key });
    setWriting(false);
    onBusyChange(false);
    if (!answer.ok) {
      setError(answer.error.message);
      if (answer.error.code === 'locked') ensureReady();
      return;
    }
    onWritten(answer.value);
    const registry = plan.value?.registry ?? token.registryName;
    notify(`cargo now uses “${token.name}” for ${registryTextOf(registry)}.`);
    onClose();
  };

  return (
    <>
      <DialogTitle id={titleId}>Use “{token.name}” with cargo</DialogTitle>
      <DialogContent>
        {plan.status === 'loading' && (
          <LinearProgress aria-label="Reading cargo's files" sx={{ my: 2 }} />
        )}
        {plan.status === 'error' && (
          <Alert
            severity="error"
            variant="outlined"
            action={
              <Button color="inherit" size="small" onClick={plan.reload}>
                Retry
              </Button>
            }
          >
            {plan.error.message}
          </Alert>
        )}
        {plan.value !== undefined && <PlanView plan={plan.value} />}
        {error !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={writing}>
          Cancel
        </Button>
        <Button
          variant="contained"
          loading={writing}
          disabled={plan.status !== 'ready'}
          onClick={() => {
            void write();
          }}
        >
          Write to cargo
        </Button>
      </DialogActions>
    </>
  );
}

function PlanView({ plan }: { plan: CargoWritePlan }) {
  const registry = registryTextOf(plan.registry);
  return (
    <Stack spacing={2}>
      <DialogContentText component="div">
        Cratekeeper writes this token&apos;s secret as cargo&apos;s token for {registry} into{' '}
        <Box component="code" sx={{ fontFamily: MONO_FONT, overflowWrap: 'anywhere' }}>
          {plan.file}
        </Box>
        {plan.fileExists
          ? ', and leaves every other line of it as it is.'
          : '. The file does not exist yet: it will be created, readable only by you.'}
      </DialogContentText>
      {plan.change.length > 0 && <CargoChangeView file={plan.file} lines={plan.change} />}
      {(!plan.fileIsRead || plan.overrides.length > 0) && (
        <Stack spacing={1} component="section" aria-label="What cargo uses instead">
          <Typography variant="body2" component="h3" sx={{ fontWeight: 600 }}>
            What cargo uses instead
          </Typography>
          {plan.fileIsRead ? (
            plan.overrides.map((override) => (
              <Alert
                key={`${override.kind}:${override.message}`}
                severity="warning"
                variant="outlined"
              >
                {override.message}
              </Alert>
            ))
          ) : (
            // One warning: the core's reasons are the details of the same fact.
            <Alert severity="warning" variant="outlined">
              <AlertTitle>cargo never reads this file for {registry}</AlertTitle>
              {plan.overrides.map((override) => (
                <Box
                  component="p"
                  key={`${override.kind}:${override.message}`}
                  sx={{ m: 0, mb: 0.5 }}
                >
                  {override.message}
                </Box>
              ))}
              Writing the token here changes nothing for cargo until that is changed.
            </Alert>
          )}
        </Stack>
      )}
    </Stack>
  );
}
