import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { isValid } from 'date-fns';
import { useId, useState } from 'react';
import type { Account } from '../../../../shared/domain/account';
import {
  calendarDateOf,
  checkCustomExpiry,
  customDateFromChoice,
  DEFAULT_EXPIRY_CHOICE,
  EXPIRY_PRESET_DAYS,
  expiryFromChoice,
  type ExpiryChoice,
} from '../../../../shared/domain/expiry-presets';
import type { TokenView } from '../../../../shared/domain/token';
import { useInvoke } from '../../../api/invoke-safely';
import { useCargo } from '../../cargo/cargo-context';
import { NewSecretPanel } from '../../cargo/new-secret-panel';
import { exactExpiryText } from '../../new-token/expiry-text';
import { accountTextOf, lastUsedTextOf } from '../token-format';
import { DatePickerField } from '../../new-token/date-picker-field';

export const ROTATE_EXPLANATION =
  'A new token with the same name, scopes and patterns is created and stored; then the old one is revoked.';

/** Said when the rotated token is the one cargo reads (the core writes the new one in the same step). */
export const ROTATE_FOLLOWS_CARGO = "cargo's credentials will get the new token in the same step.";

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

/** The select's value for "Custom", beside the presets' values. */
const CUSTOM = 'custom';

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
 * Afterwards the dialog stays, as the "new secret" panel of Create: reveal,
 * copy, cargo and CI (rather than a notice that vanishes).
 */
export function RotateTokenDialog({ token, account, onRotated, onClose }: RotateTokenDialogProps) {
  const titleId = useId();
  // Not dismissed while the rotation runs: its outcome must be seen.
  const [busy, setBusy] = useState(false);
  // The new secret's panel, with its code blocks, gets more room than the question.
  const [rotated, setRotated] = useState(false);
  if (token === null && rotated) setRotated(false);
  return (
    <Dialog
      open={token !== null}
      onClose={() => {
        if (!busy) onClose();
      }}
      maxWidth={rotated ? 'md' : 'sm'}
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
          onRotatedShown={() => {
            setRotated(true);
          }}
        />
      )}
    </Dialog>
  );
}

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'rotated';
      readonly created: TokenView;
      /** Why the old token still works, when it could not be revoked; null when it was. */
      readonly bothRemain: string | null;
    };

function RotateContent({
  titleId,
  token,
  account,
  onRotated,
  onClose,
  onBusyChange,
  onRotatedShown,
}: Omit<RotateTokenDialogProps, 'token'> & {
  titleId: string;
  token: TokenView;
  onBusyChange: (busy: boolean) => void;
  onRotatedShown: () => void;
}) {
  const invoke = useInvoke();
  const cargoUse = useCargo()?.uses.byTokenKey.get(token.key);
  const [value, setValue] = useState(valueOf(DEFAULT_EXPIRY_CHOICE));
  // The custom date as the picker holds it (maybe half typed); prefilled from the preset left.
  const [picked, setPicked] = useState<Date | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const owner = accountTextOf(token, account);
  const pending = outcome.kind === 'pending';
  const presetOf = (selected: string): PresetChoice =>
    PRESETS.find((preset) => preset.value === selected)?.choice ?? { kind: 'days', days: 90 };
  // The custom day, or why it cannot be used; a preset always can.
  const custom =
    value !== CUSTOM
      ? null
      : picked === null || !isValid(picked)
        ? ({ valid: false, reason: 'Choose the date the new token stops working.' } as const)
        : checkCustomExpiry(calendarDateOf(picked), new Date());
  const choice: ExpiryChoice | null =
    value !== CUSTOM
      ? presetOf(value)
      : picked !== null && custom?.valid === true
        ? { kind: 'custom', date: calendarDateOf(picked) }
        : null;

  const close = () => {
    if (!pending) onClose();
  };
  const rotate = async () => {
    if (choice === null) return;
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
    onRotatedShown();
    setOutcome({
      kind: 'rotated',
      created: answer.value.created,
      bothRemain: answer.value.revokedOld ? null : (answer.value.message ?? BOTH_REMAIN_FALLBACK),
    });
  };

  if (outcome.kind === 'rotated') {
    return (
      <>
        <DialogTitle id={titleId}>
          {outcome.bothRemain === null
            ? `Rotated “${token.name}”`
            : `“${token.name}” rotated, old token kept`}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2.5}>
            {outcome.bothRemain === null ? (
              <Alert severity="success" variant="outlined">
                The new token&apos;s secret is stored encrypted in Cratekeeper and the old token is
                revoked.
              </Alert>
            ) : (
              <Alert severity="warning" variant="outlined">
                {outcome.bothRemain}
              </Alert>
            )}
            <NewSecretPanel token={outcome.created} account={account} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="contained" onClick={onClose} autoFocus>
            Close
          </Button>
        </DialogActions>
      </>
    );
  }

  const preview = choice === null ? undefined : expiryFromChoice(choice, new Date());
  return (
    <>
      <DialogTitle id={titleId}>
        Rotate “{token.name}” of {owner.primary} on {owner.secondary}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{ROTATE_EXPLANATION}</DialogContentText>
        <Alert severity="warning" variant="outlined" sx={{ mb: 2 }}>
          Anything that uses the old token, such as a CI job, stops working at once.{' '}
          {lastUseSentence(token)}
        </Alert>
        {cargoUse !== undefined && (
          <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
            {ROTATE_FOLLOWS_CARGO}
          </Alert>
        )}
        <TextField
          select
          fullWidth
          size="small"
          label="New expiration"
          value={value}
          disabled={pending}
          helperText={preview === undefined ? ' ' : exactExpiryText(preview)}
          onChange={(event) => {
            const next = event.target.value;
            // As in the builder (and on crates.io): Custom starts at the day the preset would end.
            if (next === CUSTOM && value !== CUSTOM) {
              setPicked(new Date(`${customDateFromChoice(presetOf(value), new Date())}T00:00`));
            }
            setValue(next);
          }}
        >
          {PRESETS.map((preset) => (
            <MenuItem key={preset.value} value={preset.value}>
              {preset.label}
            </MenuItem>
          ))}
          <MenuItem value={CUSTOM}>Custom</MenuItem>
        </TextField>
        {value === CUSTOM && (
          <DatePickerField
            label="Expiry date"
            disablePast
            format="yyyy-MM-dd"
            disabled={pending}
            value={picked}
            onChange={setPicked}
            sx={{ mt: 2 }}
            slotProps={{
              textField: {
                size: 'small',
                fullWidth: true,
                error: custom?.valid === false,
                helperText:
                  custom?.valid === false
                    ? custom.reason
                    : 'The new token works through the end of this day, your time.',
              },
            }}
          />
        )}
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
          aria-disabled={choice === null}
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

/** When the old token was last used, so the user can tell what still depends on it. */
function lastUseSentence(token: TokenView): string {
  const when = lastUsedTextOf(token, new Date());
  if (when.exact === null) {
    return when.relative === 'never used'
      ? 'It has never been used.'
      : `When it was last used is ${when.relative}.`;
  }
  return `It was last used ${when.relative} (${when.exact}).`;
}
