import TextField from '@mui/material/TextField';

export interface NumberFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The field's message when it is wrong; else `hint` shows. */
  readonly error: string | undefined;
  readonly hint: string;
  readonly width?: number;
}

/**
 * A whole-number setting typed as text: what the user typed stays on screen
 * with the schema's message until it is right.
 */
export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
  width = 220,
}: NumberFieldProps) {
  return (
    <TextField
      size="small"
      label={label}
      value={value}
      error={error !== undefined}
      helperText={error ?? hint}
      onChange={(event) => {
        onChange(event.target.value);
      }}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ width }}
    />
  );
}
