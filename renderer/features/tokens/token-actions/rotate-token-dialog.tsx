import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useId, useState } from 'react';
import type { Account } from '../../../../shared/domain/account';
import {
  DEFAULT_EXPIRY_CHOICE,
  EXPIRY_PRESET_DAYS,
  expiryFromChoice,
  type ExpiryChoice,
} from '../../../../shared/domain/expiry-presets';
import type { TokenView } from '../../../../shared/domain/token';
import { useInvoke } from '../../../api/invoke-safely';
import { useNotice } from '../../../components/notice';
import { exactExpiryText } from '../../new-token/expiry-text';
import { accountTextOf } from '../token-format';

export const ROTATE_EXPLANATION =
  'A new token with the same name, scopes and patterns is created and stored; then the old one is revoked.';

/** Said when the core gave no words of its own for a rotation that kept the old token. */
const BOTH_REMAIN_FALLBACK =
  'The new token is created and stored, but the old one could not be revoked. Both tokens work now: revoke the old one from the list.';

type PresetChoice = Exclude<ExpiryChoice, { kind: 'custom' }>;

const PRESETS: readonly { readonly value: string; readonly label: string; choice: PresetChoice }[] =
  [
    { value: 'none', label: 'No expiration', choice: { kind: 'none' } },
    ...EXPIRY_PRESET_DAYS.map((days) => ({
      value: String(days),
      label: `${days} days`,
      choice: { kind: 'days', days } as const,
    })),
  ];

function valueOf(choice: ExpiryChoice): string {
  return choice.kind === 'days' ? String(choice.days) : choice.kind;
}

export interface RotateTokenDialogProps {
  /** The token to rotate; null = closed. */
  readonly token: TokenView | null;
  readonly account: Account | undefined;
  /** After the registry made the new token (whether or not the old one went): refresh the list. */
  readonly onRotated: () => void;
  readonly onClose: () => void;
}

/**
 * Rotates a token: the user picks the new expiry, the core creates the new
 * token, stores its secret and revokes the old one. Sent once per press,
 * never retried; if the old one could not be revoked the dialog says so.
 */
export function RotateTokenDialog({ token, account, onRotated, onClose }: RotateTokenDialogProps) {
  const titleId = useId();
  // Not dismissed while the rotation runs: its outcome must be seen.
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      open={token !== null}
      onClose={() => {
        if (!busy) onClose();
      }}
      maxWidth="xs"
      fullWidth
      aria-labelledby={titleId}
      transitionDuration={{ exit: 0 }}
    >
      {token !== null && (
        <RotateContent
          key={token.key}
          titleId={titleId}
          token={token}
          account={account}
          onRotated={onRotated}
          onClose={onClose}
          onBusyChange={setBusy}
        />
      )}
    </Dialog>
  );
}

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'both-remain'; readonly message: string };

function RotateContent({
  titleId,
  token,
  account,
  onRotated,
  onClose,
  onBusyChange,
}: Omit<RotateTokenDialogProps, 'token'> & {
  titleId: string;
  token: TokenView;
  onBusyChange: (busy: boolean) => void;
}) {
  const invoke = useInvoke();
  const notify = useNotice();
  const [value, setValue] = useState(valueOf(DEFAULT_EXPIRY_CHOICE));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const owner = accountTextOf(token, account);
  const pending = outcome.kind === 'pending';
  const choice = PRESETS.find((preset) => preset.value === value)?.choice ?? DEFAULT_EXPIRY_CHOICE;

  const close = () => {
    if (!pending) onClose();
  };
  const rotate = async () => {
    setOutcome({ kind: 'pending' });
    onBusyChange(true);
    const expiresAt = expiryFromChoice(choice, new Date());
    const answer = await invoke('tokens:rotate', {
      key: token.key,
      expiresAt: expiresAt === null ? null : expiresAt.toISOString(),
    });
    onBusyChange(false);
    if (!answer.ok) {
      setOutcome({ kind: 'failed', message: answer.error.message });
      return;
    }
    onRotated();
    if (answer.value.revokedOld) {
      notify(
        `Rotated “${token.name}”: the new token's secret is stored and the old one is revoked.`,
      );
      onClose();
    } else {
      setOutcome({ kind: 'both-remain', message: answer.value.message ?? BOTH_REMAIN_FALLBACK });
    }
  };

  if (outcome.kind === 'both-remain') {
    return (
      <>
        <DialogTitle id={titleId}>“{token.name}” rotated, old token kept</DialogTitle>
        <DialogContent>
          <Alert severity="warning" variant="outlined">
            {outcome.message}
          </Alert>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={onClose} autoFocus>
            Close
          </Button>
        </DialogActions>
      </>
    );
  }

  const preview = expiryFromChoice(choice, new Date());
  return (
    <>
      <DialogTitle id={titleId}>
        Rotate “{token.name}” of {owner.primary} on {owner.secondary}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{ROTATE_EXPLANATION}</DialogContentText>
        <TextField
          select
          fullWidth
          size="small"
          label="New expiration"
          value={value}
          disabled={pending}
          helperText={exactExpiryText(preview)}
          onChange={(event) => {
            setValue(event.target.value);
          }}
        >
          {PRESETS.map((preset) => (
            <MenuItem key={preset.value} value={preset.value}>
              {preset.label}
            </MenuItem>
          ))}
        </TextField>
        {outcome.kind === 'failed' && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {outcome.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={close} disabled={pending}>
          Cancel
        </Button>
        <Button
          variant="contained"
          loading={pending}
          autoFocus
          onClick={() => {
            void rotate();
          }}
        >
          Rotate
        </Button>
      </DialogActions>
    </>
  );
}
