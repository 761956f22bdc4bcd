import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type RefObject } from 'react';
import type { Account, Registry } from '../../../shared/domain/account';
import {
  OTHER_REGISTRY,
  checkBaseUrl,
  knownRegistryName,
  registryNameFromUrl,
  registryNameProblem,
  registryOptions,
  type BaseUrlCheck,
  type RegistryOption,
} from './registry-choice';

export interface RegistryForm {
  readonly options: readonly RegistryOption[];
  readonly choice: string;
  readonly setChoice: (choice: string) => void;
  readonly url: string;
  readonly setUrl: (url: string) => void;
  readonly urlTouched: boolean;
  readonly touchUrl: () => void;
  /** The cargo name shown: derived from the address until the user edits it. */
  readonly name: string;
  readonly setName: (name: string) => void;
  readonly urlCheck: BaseUrlCheck;
  readonly nameProblem: string | null;
  readonly urlRef: RefObject<HTMLInputElement | null>;
  readonly nameRef: RefObject<HTMLInputElement | null>;
  /** The chosen registry, or null while "Other registry" has a problem. */
  readonly registry: () => Registry | null;
  readonly focusFirstProblem: () => void;
}

/** State and checks of the registry choice in "Add account". */
export function useRegistryForm(accounts: readonly Account[]): RegistryForm {
  const options = registryOptions(accounts);
  const [choice, setChoice] = useState(options[0]?.value ?? OTHER_REGISTRY);
  const [url, setUrl] = useState('');
  const [urlTouched, setUrlTouched] = useState(false);
  const [editedName, setEditedName] = useState<string | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const urlCheck = checkBaseUrl(url);
  const baseUrl = urlCheck.ok ? urlCheck.baseUrl : '';
  // A registry the user already has accounts on keeps its name; others get one from the host.
  const derived = urlCheck.ok
    ? (knownRegistryName(baseUrl, accounts) ?? registryNameFromUrl(baseUrl))
    : '';
  const name = editedName ?? derived;
  const nameProblem = urlCheck.ok ? registryNameProblem(name, baseUrl, accounts) : null;

  return {
    options,
    choice,
    setChoice,
    url,
    setUrl,
    urlTouched,
    touchUrl: () => {
      setUrlTouched(true);
    },
    name,
    setName: setEditedName,
    urlCheck,
    nameProblem,
    urlRef,
    nameRef,
    registry: () => {
      if (choice !== OTHER_REGISTRY) {
        return options.find((option) => option.value === choice)?.registry ?? null;
      }
      if (!urlCheck.ok || nameProblem !== null) return null;
      return { name, baseUrl };
    },
    focusFirstProblem: () => {
      setUrlTouched(true);
      if (!urlCheck.ok) urlRef.current?.focus();
      else nameRef.current?.focus();
    },
  };
}

export interface RegistryFieldsProps {
  readonly form: RegistryForm;
  /** The user pressed Sign in: show every problem, touched or not. */
  readonly submitted: boolean;
  readonly disabled: boolean;
}

/** The registry radio group, and address + cargo name for "Other registry". */
export function RegistryFields({ form, submitted, disabled }: RegistryFieldsProps) {
  const labelId = useId();
  const other = form.choice === OTHER_REGISTRY;
  const urlProblem =
    !form.urlCheck.ok && (submitted || (form.urlTouched && form.url !== ''))
      ? form.urlCheck.message
      : null;
  return (
    <Stack spacing={2}>
      <FormControl disabled={disabled}>
        <FormLabel id={labelId} sx={{ mb: 0.5 }}>
          Registry
        </FormLabel>
        <RadioGroup
          aria-labelledby={labelId}
          value={form.choice}
          onChange={(event) => {
            form.setChoice(event.target.value);
          }}
        >
          {form.options.map((option) => (
            <RegistryRadio
              key={option.value}
              value={option.value}
              label={option.label}
              hint={option.hint}
            />
          ))}
          <RegistryRadio
            value={OTHER_REGISTRY}
            label="Other registry"
            hint="Any server that speaks the crates.io API, by its address"
          />
        </RadioGroup>
      </FormControl>
      {other && (
        <Stack spacing={2} sx={{ pl: 4 }}>
          <TextField
            label="Base URL"
            placeholder="https://registry.example.com"
            autoFocus
            fullWidth
            disabled={disabled}
            value={form.url}
            inputRef={form.urlRef}
            error={urlProblem !== null}
            helperText={
              urlProblem ?? 'The address of its website and API, as you would open it in a browser.'
            }
            onChange={(event) => {
              form.setUrl(event.target.value);
            }}
            onBlur={form.touchUrl}
            slotProps={{ htmlInput: { spellCheck: false, inputMode: 'url' } }}
          />
          <TextField
            label="Registry name in cargo config"
            fullWidth
            disabled={disabled}
            value={form.name}
            inputRef={form.nameRef}
            error={form.nameProblem !== null}
            helperText={
              form.nameProblem ??
              'cargo knows the registry by this name: [registries.NAME] in .cargo/config.toml.'
            }
            onChange={(event) => {
              form.setName(event.target.value);
            }}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
        </Stack>
      )}
    </Stack>
  );
}

function RegistryRadio({ value, label, hint }: { value: string; label: string; hint: string }) {
  const hintId = useId();
  return (
    <Box sx={{ mb: 0.75 }}>
      <FormControlLabel
        value={value}
        control={<Radio size="small" slotProps={{ input: { 'aria-describedby': hintId } }} />}
        label={label}
        sx={{ '& .MuiFormControlLabel-label': { fontWeight: 600 } }}
      />
      <Typography
        id={hintId}
        variant="caption"
        component="div"
        sx={{ color: 'text.secondary', pl: 3.75, mt: -0.75 }}
      >
        {hint}
      </Typography>
    </Box>
  );
}
