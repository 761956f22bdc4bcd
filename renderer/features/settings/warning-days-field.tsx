import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import AddRounded from '@mui/icons-material/AddRounded';
import CloseRounded from '@mui/icons-material/CloseRounded';
import type { FormErrors } from './settings-form';

/** As many warnings as the schema allows. */
const MAX_WARNINGS = 6;

export interface WarningDaysFieldProps {
  readonly days: readonly string[];
  readonly onChange: (days: readonly string[]) => void;
  readonly errors: FormErrors;
}

/** The warning thresholds: one field per warning, each removable, and "Add warning". */
export function WarningDaysField({ days, onChange, errors }: WarningDaysFieldProps) {
  const listError = errors.warningDays;
  return (
    <Box component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
      <Box component="legend" sx={{ typography: 'body1', p: 0, mb: 0.5 }}>
        Warn before a token expires
      </Box>
      <FormHelperText sx={{ mt: 0, mb: 1.5 }}>
        Days before expiry; each token warns once per threshold, and once more when it expires.
      </FormHelperText>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}>
        {days.map((day, index) => {
          const number = String(index + 1);
          const error = errors[`warningDays.${String(index)}`];
          return (
            <Box key={index} sx={{ display: 'flex', alignItems: 'flex-start' }}>
              <TextField
                size="small"
                label={`Warning ${number} (days)`}
                value={day}
                error={error !== undefined}
                helperText={error}
                onChange={(event) => {
                  onChange(days.map((value, at) => (at === index ? event.target.value : value)));
                }}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                sx={{ width: 132 }}
              />
              <IconButton
                size="small"
                aria-label={`Remove warning ${number}`}
                disabled={days.length <= 1}
                onClick={() => {
                  onChange(days.filter((_, at) => at !== index));
                }}
                sx={{ mt: 0.5 }}
              >
                <CloseRounded fontSize="small" />
              </IconButton>
            </Box>
          );
        })}
        <Button
          startIcon={<AddRounded />}
          disabled={days.length >= MAX_WARNINGS}
          onClick={() => {
            onChange([...days, '']);
          }}
          sx={{ mt: 0.25 }}
        >
          Add warning
        </Button>
      </Box>
      {listError !== undefined && (
        <FormHelperText error role="alert">
          {listError}
        </FormHelperText>
      )}
    </Box>
  );
}
