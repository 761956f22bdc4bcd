import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';
import type { TrustedPublishingFilter } from './crate-filter';

export interface CratesToolbarProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  readonly filter: TrustedPublishingFilter;
  readonly onFilterChange: (filter: TrustedPublishingFilter) => void;
  readonly onRefresh: () => void;
  readonly refreshing: boolean;
  /** No crates to search or filter. */
  readonly disabled: boolean;
}

const FILTERS: readonly { readonly value: TrustedPublishingFilter; readonly label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'set-up', label: 'Trusted publishing' },
  { value: 'not-set-up', label: 'Not set up' },
];

/** Search by name or description, show crates by trusted publishing, and fetch everything again. */
export function CratesToolbar(props: CratesToolbarProps) {
  const { query, onQueryChange, filter, onFilterChange, onRefresh, refreshing, disabled } = props;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 1.5 }}>
      <TextField
        type="search"
        size="small"
        label="Find a crate"
        value={query}
        disabled={disabled}
        onChange={(event) => {
          onQueryChange(event.target.value);
        }}
        sx={{ width: 280 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchRounded fontSize="small" />
              </InputAdornment>
            ),
          },
          htmlInput: { spellCheck: false },
        }}
      />
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filter}
        disabled={disabled}
        aria-label="Show crates"
        onChange={(_event, value: TrustedPublishingFilter | null) => {
          if (value !== null) onFilterChange(value);
        }}
      >
        {FILTERS.map(({ value, label }) => (
          <ToggleButton key={value} value={value} sx={{ px: 1.5, textTransform: 'none' }}>
            {label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Box sx={{ flex: 1 }} />
      <Button
        variant="outlined"
        startIcon={<RefreshRounded />}
        loading={refreshing}
        loadingPosition="start"
        onClick={onRefresh}
      >
        Refresh
      </Button>
    </Box>
  );
}
