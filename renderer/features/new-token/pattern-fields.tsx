import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddRounded from '@mui/icons-material/AddRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import { useEffect, useId, useRef } from 'react';
import { checkCratePattern } from '../../../shared/domain/crate-pattern';
import { MONO_FONT } from '../../components/fonts';
import { MessageText } from './message-text';
import { coverageText } from './pattern-coverage-text';

export interface PatternFieldsProps {
  readonly patterns: readonly string[];
  readonly onChange: (patterns: string[]) => void;
  /** Row problems to show now (blank rows only after a create attempt). */
  readonly problems: ReadonlyMap<number, string>;
  /** The account's crates; null while loading or unknown. */
  readonly ownedCrates: readonly string[] | null;
}

/**
 * The crate patterns: one field per pattern, each checked as it is typed with
 * the server's rules and shown against the account's own crates.
 */
export function PatternFields({ patterns, onChange, problems, ownedCrates }: PatternFieldsProps) {
  const legendId = useId();
  const fieldRefs = useRef<(HTMLInputElement | null)[]>([]);
  const addRef = useRef<HTMLButtonElement>(null);
  // After adding or removing a row, where keyboard focus should go once the rows re-render.
  const focusTarget = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = focusTarget.current;
    if (target === null) return;
    focusTarget.current = null;
    if (target === 'add') addRef.current?.focus();
    else fieldRefs.current[target]?.focus();
  });

  const setAt = (index: number, value: string) => {
    onChange(patterns.map((pattern, at) => (at === index ? value : pattern)));
  };
  const remove = (index: number) => {
    onChange(patterns.filter((_pattern, at) => at !== index));
    const next = Math.min(index, patterns.length - 2);
    focusTarget.current = next < 0 ? 'add' : next;
  };
  const hasWildcardAll = patterns.some((pattern) => pattern.trim() === '*');

  return (
    <Box component="fieldset" aria-labelledby={legendId} sx={{ border: 0, p: 0, m: 0 }}>
      <Typography
        id={legendId}
        component="legend"
        variant="subtitle1"
        sx={{ fontWeight: 600, p: 0 }}
      >
        Crate patterns
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1.5 }}>
        Limit the token to some crates: a crate name such as <code>quill</code>, or a prefix with a
        trailing <code>*</code> such as <code>quill*</code>. Names are case-sensitive.
      </Typography>
      <Stack spacing={1.5}>
        {patterns.map((pattern, index) => {
          const number = index + 1;
          const trimmed = pattern.trim();
          const problem = problems.get(index);
          const valid = trimmed !== '' && checkCratePattern(trimmed).valid;
          const helper = problem ?? (valid ? coverageText(trimmed, ownedCrates) : ' ');
          return (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label={`Crate pattern ${number}`}
                size="small"
                value={pattern}
                error={problem !== undefined}
                helperText={<MessageText message={helper} />}
                inputRef={(element: HTMLInputElement | null) => {
                  fieldRefs.current[index] = element;
                }}
                onChange={(event) => {
                  setAt(index, event.target.value);
                }}
                sx={{ flex: 1, maxWidth: 560 }}
                slotProps={{
                  htmlInput: {
                    spellCheck: false,
                    autoCapitalize: 'off',
                    autoCorrect: 'off',
                    style: { fontFamily: MONO_FONT },
                  },
                }}
              />
              <IconButton
                aria-label={`Remove crate pattern ${number}`}
                onClick={() => {
                  remove(index);
                }}
                sx={{ mt: 0.25 }}
              >
                <CloseRounded />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      {patterns.length === 0 && (
        <Alert severity="warning" variant="outlined" sx={{ mb: 1.5 }}>
          No crate patterns: the token works on all your crates, present and future. Add a pattern
          to limit it.
        </Alert>
      )}
      {hasWildcardAll && (
        <Alert severity="warning" variant="outlined" sx={{ mt: 1, mb: 1.5 }}>
          The pattern <code>*</code> matches every crate, present and future.
        </Alert>
      )}
      <Button
        ref={addRef}
        variant="text"
        startIcon={<AddRounded />}
        onClick={() => {
          onChange([...patterns, '']);
          focusTarget.current = patterns.length;
        }}
      >
        Add pattern
      </Button>
      {patterns.length > 0 && (
        <FormHelperText sx={{ mt: 0 }}>Remove every pattern to allow any crate.</FormHelperText>
      )}
    </Box>
  );
}
