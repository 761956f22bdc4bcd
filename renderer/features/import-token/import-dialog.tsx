import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { isValid } from 'date-fns';
import { useId, useRef, useState, type SubmitEvent } from 'react';
import type { Account } from '../../../shared/domain/account';
import { calendarDateOf } from '../../../shared/domain/expiry-presets';
import type { TokenView } from '../../../shared/domain/token';
import { CRATES_IO_REGISTRY_NAME } from '../../../shared/domain/token-import';
import { useInvoke } from '../../api/invoke-safely';
import { useNow } from '../../hooks/use-now';
import type { ImportTokenDialogProps } from './import-token-dialog';
import {
  EMPTY_IMPORT_FORM,
  checkImportForm,
  type ImportField,
  type ImportForm,
} from './import-form';
import { DatePickerField } from '../new-token/date-picker-field';

/**
 * Keeps a token the app did not create: pasted, for crates.io or another
 * registry, checked live with the contract's own rules, encrypted by the
 * core at once. The typed secret lives only while the dialog is open.
 */
export function ImportDialog({ open, accounts, onImported, onClose }: ImportTokenDialogProps) {
  const titleId = useId();
  const [pending, setPending] = useState(false);
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
    >
      {open && (
        <ImportFormView
          titleId={titleId}
          accounts={accounts}
          pending={pending}
          setPending={setPending}
          onImported={onImported}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

interface ImportFormViewProps {
  readonly titleId: string;
  readonly accounts: readonly Account[];
  readonly pending: boolean;
  readonly setPending: (pending: boolean) => void;
  readonly onImported: (token: TokenView) => void;
  readonly onClose: () => void;
}

function ImportFormView(props: ImportFormViewProps) {
  const { titleId, accounts, pending, setPending, onImported, onClose } = props;
  const invoke = useInvoke();
  const registryLabelId = useId();
  const [form, setForm] = useState<ImportForm>(() => ({
    ...EMPTY_IMPORT_FORM,
    otherRegistryName: suggestedRegistryName(accounts),
  }));
  const [touched, setTouched] = useState<ReadonlySet<ImportField>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const registryNameRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  // The date picker has no single input: its first section (year) takes focus.
  const expiresOnRef = useRef<HTMLDivElement>(null);
  // The picker's own value, kept while half typed; the form holds `YYYY-MM-DD`, '' or 'invalid'.
  const [picked, setPicked] = useState<Date | null>(null);

  const now = useNow();
  const check = checkImportForm(form, now);
  // Typed values are checked as they are typed or pasted; an empty field once left.
  const shown = (field: ImportField): string | undefined => {
    const value = field === 'registryName' ? form.otherRegistryName : form[field];
    const live = field !== 'name' && value !== '';
    return submitted || touched.has(field) || live ? check.errors[field] : undefined;
  };
  const update = (patch: Partial<ImportForm>) => {
    setForm((previous) => ({ ...previous, ...patch }));
    setFailure(null);
  };
  const touch = (field: ImportField) => () => {
    setTouched((previous) => new Set(previous).add(field));
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending) return;
    setSubmitted(true);
    if (!check.ok) {
      const first = (['registryName', 'name', 'token', 'expiresOn'] as const).find(
        (field) => check.errors[field] !== undefined,
      );
      const refs = { registryName: registryNameRef, name: nameRef, token: tokenRef };
      if (first === 'expiresOn') {
        expiresOnRef.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus();
      } else if (first) refs[first].current?.focus();
      return;
    }
    setPending(true);
    const answer = await invoke('tokens:import', check.input);
    setPending(false);
    if (answer.ok) onImported(answer.value);
    else setFailure(answer.error.message);
  };

  const other = form.registry === 'other';
  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>Import a token</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          Paste a token you created elsewhere. Cratekeeper encrypts it at once, lists it with your
          other tokens and warns you before it expires.
        </DialogContentText>
        <Stack spacing={2}>
          <FormControl disabled={pending}>
            <FormLabel id={registryLabelId}>Registry</FormLabel>
            <RadioGroup
              row
              aria-labelledby={registryLabelId}
              value={form.registry}
              onChange={(event) => {
                update({ registry: event.target.value === 'other' ? 'other' : 'crates-io' });
              }}
            >
              <FormControlLabel
                value="crates-io"
                control={<Radio size="small" />}
                label="crates.io"
              />
              <FormControlLabel
                value="other"
                control={<Radio size="small" />}
                label="Another registry"
              />
            </RadioGroup>
          </FormControl>
          {other && (
            <TextField
              label="Registry name in cargo config"
              autoFocus
              disabled={pending}
              value={form.otherRegistryName}
              inputRef={registryNameRef}
              error={shown('registryName') !== undefined}
              helperText={
                shown('registryName') ??
                'As in [registries.NAME] of .cargo/config.toml, where cargo finds this registry.'
              }
              onChange={(event) => {
                update({ otherRegistryName: event.target.value });
              }}
              onBlur={touch('registryName')}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
          )}
          <TextField
            label="Name"
            disabled={pending}
            value={form.name}
            inputRef={nameRef}
            error={shown('name') !== undefined}
            helperText={shown('name') ?? 'How the list names it, e.g. where the token is used.'}
            onChange={(event) => {
              update({ name: event.target.value });
            }}
            onBlur={touch('name')}
          />
          <TextField
            label="Token"
            type="password"
            autoComplete="off"
            disabled={pending}
            value={form.token}
            inputRef={tokenRef}
            error={shown('token') !== undefined}
            helperText={
              shown('token') ??
              (form.registry === 'crates-io'
                ? 'A crates.io token: "cio" followed by 32 letters and digits.'
                : 'As the registry gave it to you.')
            }
            onChange={(event) => {
              update({ token: event.target.value });
            }}
            onBlur={touch('token')}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
          {/* The builder's picker, so both forms take dates the same way (issue 13). */}
          <Box ref={expiresOnRef} sx={{ maxWidth: 260 }}>
            <DatePickerField
              label="Expires on (optional)"
              disablePast
              format="yyyy-MM-dd"
              disabled={pending}
              value={picked}
              onChange={(date) => {
                setPicked(date);
                update({ expiresOn: pickedDayOf(date) });
              }}
              slotProps={{
                textField: {
                  size: 'small',
                  fullWidth: true,
                  error: shown('expiresOn') !== undefined,
                  helperText:
                    shown('expiresOn') ??
                    'The day the registry shows as its expiry. Leave empty if it never expires.',
                  onBlur: touch('expiresOn'),
                },
              }}
            />
          </Box>
        </Stack>
        {failure !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" loading={pending}>
          Import
        </Button>
      </DialogActions>
    </Box>
  );
}

/** The cargo name of the first registry other than crates.io the user has an account on. */
function suggestedRegistryName(accounts: readonly Account[]): string {
  return (
    accounts.find((account) => account.registry.name !== CRATES_IO_REGISTRY_NAME)?.registry.name ??
    ''
  );
}

/** The picked day as the form holds it: '' for none, 'invalid' while half typed. */
function pickedDayOf(date: Date | null): string {
  if (date === null) return '';
  return isValid(date) ? calendarDateOf(date) : 'invalid';
}
