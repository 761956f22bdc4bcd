import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { isValid } from 'date-fns';
import { useId, useState } from 'react';
import {
  calendarDateOf,
  customDateFromChoice,
  EXPIRY_PRESET_DAYS,
  type ExpiryPresetDays,
} from '../../../shared/domain/expiry-presets';
import type { ExpiryDraft } from './new-token-form';
import { exactExpiryText } from './expiry-text';

export interface ExpiryFieldProps {
  readonly value: ExpiryDraft;
  readonly onChange: (expiry: ExpiryDraft) => void;
  /** When the token would expire with this choice; undefined while the choice is unusable. */
  readonly expiresAt: Date | null | undefined;
  /** Why the custom date cannot be used (shown under the picker). */
  readonly problem: string | undefined;
}

function radioValueOf(draft: ExpiryDraft): string {
  if (draft.kind === 'days') return String(draft.days);
  return draft.kind;
}

function draftOf(radio: string, customDate: string | null): ExpiryDraft {
  if (radio === 'none') return { kind: 'none' };
  if (radio === 'custom') return { kind: 'custom', date: customDate };
  const days = EXPIRY_PRESET_DAYS.find((preset) => String(preset) === radio);
  return { kind: 'days', days: days ?? (90 satisfies ExpiryPresetDays) };
}

/**
 * "Expiration": the website's choices (none, 7, 30, 60, 90, 365 days) or a
 * custom date from the MUI date picker, with the exact resulting moment.
 */
export function ExpiryField({ value, onChange, expiresAt, problem }: ExpiryFieldProps) {
  const legendId = useId();
  // The picker's own value, kept even while it is half typed or invalid.
  const [picked, setPicked] = useState<Date | null>(() =>
    value.kind === 'custom' && value.date !== null ? new Date(`${value.date}T00:00`) : null,
  );
  const customDate = picked !== null && isValid(picked) ? calendarDateOf(picked) : null;

  return (
    <FormControl component="fieldset" variant="standard">
      <FormLabel
        id={legendId}
        component="legend"
        sx={{ fontWeight: 600, color: 'text.primary', mb: 0.5 }}
      >
        Expiration
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={legendId}
        value={radioValueOf(value)}
        onChange={(event) => {
          const radio = event.target.value;
          // As crates.io does: "Custom" starts at the day the chosen preset would end, not empty.
          if (radio === 'custom' && customDate === null && value.kind !== 'custom') {
            const date = customDateFromChoice(value, new Date());
            setPicked(new Date(`${date}T00:00`));
            onChange({ kind: 'custom', date });
            return;
          }
          onChange(draftOf(radio, customDate));
        }}
      >
        <FormControlLabel value="none" control={<Radio />} label="No expiration" />
        {EXPIRY_PRESET_DAYS.map((days) => (
          <FormControlLabel
            key={days}
            value={String(days)}
            control={<Radio />}
            label={`${days} days`}
          />
        ))}
        <FormControlLabel value="custom" control={<Radio />} label="Custom" />
      </RadioGroup>
      {value.kind === 'custom' && (
        <Box sx={{ mt: 1.5 }}>
          <DatePicker
            label="Expiry date"
            disablePast
            format="yyyy-MM-dd"
            value={picked}
            onChange={(date) => {
              setPicked(date);
              onChange({
                kind: 'custom',
                date: date !== null && isValid(date) ? calendarDateOf(date) : null,
              });
            }}
            slotProps={{
              textField: {
                size: 'small',
                error: problem !== undefined,
                helperText: problem ?? 'The token works through the end of this day, your time.',
              },
            }}
          />
        </Box>
      )}
      <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
        {expiresAt === undefined ? ' ' : exactExpiryText(expiresAt)}
      </Typography>
    </FormControl>
  );
}
