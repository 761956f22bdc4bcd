import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Switch from '@mui/material/Switch';
import { useId, type ReactNode } from 'react';

export interface SwitchFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  /** Said under the switch, and read as its description. */
  readonly hint: ReactNode;
  readonly disabled?: boolean;
  /** Beside the hint: a reset, say. */
  readonly action?: ReactNode;
}

/** An on/off setting: its label is its accessible name, its hint its description. */
export function SwitchField({
  label,
  checked,
  onChange,
  hint,
  disabled,
  action,
}: SwitchFieldProps) {
  const hintId = useId();
  return (
    <div>
      <FormControlLabel
        label={label}
        disabled={disabled}
        control={
          <Switch
            checked={checked}
            onChange={(event) => {
              onChange(event.target.checked);
            }}
            slotProps={{ input: { 'aria-describedby': hintId } }}
          />
        }
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, ml: 5.75, mt: -0.5 }}>
        <FormHelperText id={hintId} sx={{ m: 0 }}>
          {hint}
        </FormHelperText>
        {action}
      </Box>
    </div>
  );
}
