import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';

export interface CargoHomeFieldProps {
  /** Empty: the detected folder. */
  readonly value: string;
  /** The folder in use now; null until known. */
  readonly inUse: string | null;
  readonly error: string | undefined;
  readonly onChange: (value: string) => void;
}

/** cargo's folder: detected unless the user names one; "Use detected" goes back. */
export function CargoHomeField({ value, inUse, error, onChange }: CargoHomeFieldProps) {
  const hint =
    inUse === null ? 'Not known yet: detected when cargo is first used.' : `In use: ${inUse}`;
  return (
    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1.5 }}>
      <TextField
        size="small"
        fullWidth
        label="cargo folder (CARGO_HOME)"
        value={value}
        placeholder="Detected"
        error={error !== undefined}
        helperText={error ?? hint}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
      />
      <Button
        disabled={value === ''}
        onClick={() => {
          onChange('');
        }}
        sx={{ flexShrink: 0, mt: 0.25 }}
      >
        Use detected
      </Button>
    </Box>
  );
}
