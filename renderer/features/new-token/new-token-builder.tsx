import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddTaskRounded from '@mui/icons-material/AddTaskRounded';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import { checkCratePattern } from '../../../shared/domain/crate-pattern';
import type { TokenView } from '../../../shared/domain/token';
import { describeTokenPower } from '../../../shared/domain/token-power';
import { useInvoke } from '../../api/invoke-safely';
import { useCall } from '../../api/use-call';
import { useNow } from '../../hooks/use-now';
import { accountTextOf } from '../tokens/token-format';
import { ExpiryField } from './expiry-field';
import {
  checkForm,
  firstBadPatternNumber,
  isNameTaken,
  shownPatternProblems,
  type NewTokenForm,
} from './new-token-form';
import { CratesUnavailableNote } from './crates-unavailable-note';
import { PatternFields } from './pattern-fields';
import { ScopeFields } from './scope-fields';

export interface NewTokenBuilderProps {
  /** Signed-in accounts, at least one. */
  readonly accounts: readonly Account[];
  readonly initial: NewTokenForm;
  /** Set when regenerating: says so above the form. */
  readonly source: TokenView | null;
  readonly onCreated: (token: TokenView) => void;
  readonly onCancel: () => void;
}

/**
 * The form: account, name, scopes, patterns, expiry and a one-line summary
 * of what the token will be able to do. It sends exactly what is on screen,
 * once per press (creation is not idempotent, so it never retries), and keeps
 * every value when the registry refuses.
 */
export function NewTokenBuilder(props: NewTokenBuilderProps) {
  const { accounts, initial, source, onCreated, onCancel } = props;
  const invoke = useInvoke();
  const now = useNow();
  const [form, setForm] = useState<NewTokenForm>(initial);
  const [attempted, setAttempted] = useState(false);
  // How many pattern rows existed at the last press of Create: rows added since are not red while blank.
  const [rowsAtAttempt, setRowsAtAttempt] = useState(0);
  // The "nothing was sent" banner answers one press: it goes once the form is valid and only a new press brings it back.
  const [blockedNotice, setBlockedNotice] = useState(false);
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  // The page's one job: start typing at once (also after Regenerate).
  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const crates = useCall('accounts:crates', { accountId: form.accountId });
  const list = useCall('tokens:list', {});
  const ownedCrates = crates.value?.crates ?? null;
  const activeNames = useMemo(
    () =>
      (list.value?.tokens ?? [])
        .filter((token) => token.accountId === form.accountId && token.status !== 'expired')
        .map((token) => token.name),
    [list.value, form.accountId],
  );

  const check = checkForm(form, now);
  const { problems } = check;
  const validPatterns = form.cratePatterns
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '' && checkCratePattern(pattern).valid);
  const expiresAt = expiryPreview(form, now);
  const described = describeTokenPower(
    {
      endpointScopes: form.endpointScopes,
      cratePatterns: validPatterns,
      expiresAt: expiresAt === undefined || expiresAt === null ? null : expiresAt.toISOString(),
    },
    ownedCrates ?? [],
    now,
  );
  // Without a usable custom date the expiry is not known yet: say so rather than "never".
  const withExpiry =
    expiresAt === undefined
      ? `${described.slice(0, described.lastIndexOf('; '))}; expiry date still to choose`
      : described;
  // A refused pattern reaches nothing, so a summary without it would claim "any crate".
  const badPattern = firstBadPatternNumber(form.cratePatterns);
  const summary =
    badPattern === null
      ? withExpiry
      : `Which crates this token reaches is not known yet: fix pattern ${badPattern} first`;
  // Blank rows are a problem only once the user tries to create; bad patterns at once.
  const visiblePatternProblems = shownPatternProblems(
    problems.cratePatterns,
    form.cratePatterns,
    attempted ? rowsAtAttempt : 0,
  );
  // A blank name is marked only after a press of Create, never merely on leaving the field.
  const nameProblem = attempted ? problems.name : undefined;
  if (blockedNotice && check.valid) setBlockedNotice(false);
  const nameWarning =
    nameProblem === undefined && isNameTaken(form.name, activeNames)
      ? 'An active token of this account already has this name. crates.io allows it, but the list will be harder to read.'
      : undefined;

  const update = (change: Partial<NewTokenForm>) => {
    setForm((previous) => ({ ...previous, ...change }));
    // Removing rows shifts the ones below up: they keep their "seen at the last press" mark.
    if (change.cratePatterns !== undefined) {
      const rows = change.cratePatterns.length;
      setRowsAtAttempt((previous) => Math.min(previous, rows));
    }
  };

  const create = async () => {
    setAttempted(true);
    setRowsAtAttempt(form.cratePatterns.length);
    // A fresh clock: the page's `now` may be half a minute old.
    const fresh = checkForm(form, new Date());
    setBlockedNotice(!fresh.valid);
    if (!fresh.valid || pending) return;
    setPending(true);
    setServerError(null);
    const answer = await invoke('tokens:create', fresh.input);
    setPending(false);
    if (answer.ok) onCreated(answer.value.token);
    else setServerError(answer.error.message);
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      {source !== null && (
        <Alert severity="info" variant="outlined">
          Prefilled from “{source.name}”. Creating this token does not revoke the old one.
          {source.endpointScopes === null &&
            ' The old token is a legacy token with every right: choose the scopes the new one needs.'}
        </Alert>
      )}
      {accounts.length > 1 ? (
        <TextField
          select
          label="Account"
          value={form.accountId}
          onChange={(event) => {
            update({ accountId: event.target.value });
          }}
          sx={{ maxWidth: 420 }}
          size="small"
        >
          {accounts.map((account) => {
            const text = accountTextOf(
              { source: 'registry', accountId: account.id, registryName: account.registry.name },
              account,
            );
            return (
              <MenuItem key={account.id} value={account.id}>
                {text.primary} · {text.secondary}
              </MenuItem>
            );
          })}
        </TextField>
      ) : (
        <AccountLine account={accounts[0]} />
      )}
      <TextField
        label="Name"
        required
        inputRef={nameRef}
        value={form.name}
        error={nameProblem !== undefined}
        helperText={
          nameProblem ?? nameWarning ?? 'What the token is for, e.g. “CI: release quill”.'
        }
        onChange={(event) => {
          update({ name: event.target.value });
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void create();
          }
        }}
        sx={{ maxWidth: 560 }}
        size="small"
        slotProps={{
          formHelperText: { sx: { color: nameWarning !== undefined ? 'warning.dark' : undefined } },
        }}
      />
      <ScopeFields
        value={form.endpointScopes}
        onChange={(endpointScopes) => {
          update({ endpointScopes });
        }}
        problem={attempted ? problems.endpointScopes : undefined}
      />
      <PatternFields
        patterns={form.cratePatterns}
        onChange={(cratePatterns) => {
          update({ cratePatterns });
        }}
        problems={visiblePatternProblems}
        ownedCrates={ownedCrates}
      />
      <CratesUnavailableNote
        message={crates.status === 'error' ? crates.error.message : null}
        onRetry={crates.reload}
      />
      <ExpiryField
        value={form.expiry}
        onChange={(expiry) => {
          update({ expiry });
        }}
        expiresAt={expiresAt}
        problem={
          form.expiry.kind === 'custom' && (attempted || form.expiry.date !== null)
            ? problems.expiry
            : undefined
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle2" component="h2">
          This token
        </Typography>
        <Typography variant="body1" data-testid="token-power-summary">
          {summary}.
        </Typography>
      </Paper>
      {serverError !== null && (
        <Alert severity="error" variant="outlined">
          <AlertTitle>The token was not created</AlertTitle>
          {serverError}
        </Alert>
      )}
      {blockedNotice && !check.valid && (
        <Alert severity="error" variant="outlined" role="alert">
          Fix the marked fields first: nothing was sent.
        </Alert>
      )}
      <Stack direction="row" spacing={1.5}>
        <Button
          variant="contained"
          startIcon={<AddTaskRounded />}
          loading={pending}
          loadingPosition="start"
          aria-disabled={!check.valid}
          onClick={() => {
            void create();
          }}
        >
          Create token
        </Button>
        <Button onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </Stack>
    </Stack>
  );
}

/** The expiry the choice would give now, or undefined while it is unusable (a bad custom date). */
function expiryPreview(form: NewTokenForm, now: Date): Date | null | undefined {
  const probe = checkForm(
    { ...form, accountId: 'x', name: 'x', endpointScopes: ['yank'], cratePatterns: [] },
    now,
  );
  if (!probe.valid) return undefined;
  return probe.input.expiresAt === null ? null : new Date(probe.input.expiresAt);
}

function AccountLine({ account }: { account: Account | undefined }) {
  if (account === undefined) return null;
  const text = accountTextOf(
    { source: 'registry', accountId: account.id, registryName: account.registry.name },
    account,
  );
  return (
    <Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        For {text.primary} · {text.secondary}
      </Typography>
    </Box>
  );
}
