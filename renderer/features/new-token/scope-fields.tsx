import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import {
  ENDPOINT_SCOPE_DESCRIPTIONS,
  ENDPOINT_SCOPES,
  type EndpointScope,
} from '../../../shared/domain/scopes';
import { MONO_FONT } from '../../components/fonts';

export interface ScopeFieldsProps {
  readonly value: readonly EndpointScope[];
  readonly onChange: (scopes: EndpointScope[]) => void;
  /** Shown once the user tried to create without a scope. */
  readonly problem: string | undefined;
}

/** One checkbox per endpoint scope, named by its id and described in plain words. */
export function ScopeFields({ value, onChange, problem }: ScopeFieldsProps) {
  return (
    <FormControl component="fieldset" error={problem !== undefined} variant="standard">
      <FormLabel component="legend" sx={{ fontWeight: 600, color: 'text.primary', mb: 0.5 }}>
        Endpoint scopes
      </FormLabel>
      <FormHelperText sx={{ mt: 0, mb: 0.5 }}>
        What the token may do. Choose only what its job needs.
      </FormHelperText>
      <FormGroup>
        {ENDPOINT_SCOPES.map((scope) => (
          <FormControlLabel
            key={scope}
            control={
              <Checkbox
                checked={value.includes(scope)}
                onChange={(event) => {
                  onChange(
                    event.target.checked
                      ? ENDPOINT_SCOPES.filter((known) => known === scope || value.includes(known))
                      : value.filter((chosen) => chosen !== scope),
                  );
                }}
              />
            }
            label={
              <>
                <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: '0.875rem' }}>
                  {scope}
                </Box>
                {' — '}
                {ENDPOINT_SCOPE_DESCRIPTIONS[scope]}
              </>
            }
          />
        ))}
      </FormGroup>
      {problem !== undefined && <FormHelperText>{problem}</FormHelperText>}
    </FormControl>
  );
}
