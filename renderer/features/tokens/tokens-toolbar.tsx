import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Theme } from '@mui/material/styles';
import FilterAltOffRounded from '@mui/icons-material/FilterAltOffRounded';
import FileDownloadRounded from '@mui/icons-material/FileDownloadRounded';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import { memo } from 'react';
import type { Account } from '../../../shared/domain/account';
import { TOKEN_STATUSES } from '../../../shared/domain/expiry';
import { ENDPOINT_SCOPES, isEndpointScope } from '../../../shared/domain/scope-names';
import { toneColors } from '../../components/tone';
import { NewTokenButton } from '../new-token/new-token-button';
import { registryHost } from '../accounts/account-label';
import { useSearchText, type SearchQuery } from './search-query';
import { hasFilters, NO_FILTERS, type TokenFilters } from './token-filter';
import { refreshFailureText, type RefreshFailure } from './refresh-failure';
import { formatAge, formatDateTime } from './token-format';
import { TokenSearchField } from './token-search-field';
import { statusPresentation } from './token-status';
import { RECENTLY_EXPIRED_DAYS } from './use-token-list';

const ALL = 'all';

// Styles made once: the toolbar renders again when the list arrives.
// In a narrow window the buttons move under the search field rather than squeeze it.
const ROW_SX = { alignItems: 'center', flexWrap: 'wrap' } as const;
const END_SX = {
  alignItems: 'center',
  ml: 'auto',
  '& .MuiButton-root': { whiteSpace: 'nowrap' },
} as const;
// A pressed status must read as pressed in light mode too: filled, not an 8 % grey.
const STATUS_TOGGLE_SX = {
  textTransform: 'none',
  py: 0.5,
  '&.Mui-selected, &.Mui-selected:hover': {
    bgcolor: 'primary.main',
    color: 'primary.contrastText',
    borderColor: 'primary.main',
  },
} as const;
// Fixed, so choosing a long account name does not push the other filters around.
const ACCOUNT_FILTER_SX = { width: 240 } as const;
const AGE_SX = { color: 'text.secondary', whiteSpace: 'nowrap' } as const;
const OFFLINE_SX = (theme: Theme) => ({
  color: toneColors('warning', theme.palette.mode).text,
  fontWeight: 500,
});

export interface TokensToolbarProps {
  /** The search field's text, which the field alone renders. */
  readonly query: SearchQuery;
  readonly onRefresh: () => void;
  /** Opens "Import a token". */
  readonly onImport: () => void;
  readonly refreshing: boolean;
  /** When the shown list was fetched; undefined before the first answer. */
  readonly fetchedAt: string | undefined;
  /** Set when the last refresh failed, in whole or for some accounts: see `refreshFailureOf`. */
  readonly refreshFailure: RefreshFailure | null;
  readonly now: Date;
  /** Nothing to search yet (no list, or an empty one). */
  readonly searchDisabled: boolean;
  /** The accounts the Account filter offers. */
  readonly accounts: readonly Account[];
  readonly filters: TokenFilters;
  readonly onFiltersChange: (filters: TokenFilters) => void;
  readonly showRecentlyExpired: boolean;
  readonly onShowRecentlyExpiredChange: (show: boolean) => void;
}

/**
 * Search, filters, import, refresh and the list's age. Its parts are
 * memoised: when the list arrives or refreshes, only the search field (which
 * becomes usable), the list's age and Refresh render again, not the filters.
 */
export function TokensToolbar(props: TokensToolbarProps) {
  const { query, onRefresh, onImport, refreshing, fetchedAt, now, searchDisabled } = props;
  const failure = props.refreshFailure;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} useFlexGap sx={ROW_SX}>
        <TokenSearchField query={query} disabled={searchDisabled} />
        <Stack direction="row" spacing={1.5} useFlexGap sx={END_SX}>
          {failure !== null ? (
            // "Updated just now" after a failed refresh would hide that the list is old.
            <Typography variant="body2" sx={AGE_SX}>
              Last fetched{' '}
              <time dateTime={failure.lastFetchedAt} title={formatDateTime(failure.lastFetchedAt)}>
                {formatAge(failure.lastFetchedAt, now)}
              </time>
              <Box component="span" sx={OFFLINE_SX}>
                {' · '}
                {refreshFailureText(failure)}
              </Box>
            </Typography>
          ) : (
            fetchedAt !== undefined && (
              <Typography variant="body2" sx={AGE_SX}>
                Updated{' '}
                <time dateTime={fetchedAt} title={formatDateTime(fetchedAt)}>
                  {formatAge(fetchedAt, now)}
                </time>
              </Typography>
            )
          )}
          <CreateButtons onImport={onImport} />
          <Button
            variant="outlined"
            startIcon={<RefreshRounded />}
            loading={refreshing}
            loadingPosition="start"
            onClick={onRefresh}
          >
            Refresh
          </Button>
        </Stack>
      </Stack>
      <TokenFilterBar
        query={query}
        accounts={props.accounts}
        filters={props.filters}
        onFiltersChange={props.onFiltersChange}
        showRecentlyExpired={props.showRecentlyExpired}
        onShowRecentlyExpiredChange={props.onShowRecentlyExpiredChange}
      />
    </Stack>
  );
}

/** New token and Import token; `onImport` must be stable. */
const CreateButtons = memo(function CreateButtons({ onImport }: { onImport: () => void }) {
  return (
    <>
      <NewTokenButton />
      <Button variant="outlined" startIcon={<FileDownloadRounded />} onClick={onImport}>
        Import token
      </Button>
    </>
  );
});

type TokenFilterBarProps = Pick<
  TokensToolbarProps,
  | 'query'
  | 'accounts'
  | 'filters'
  | 'onFiltersChange'
  | 'showRecentlyExpired'
  | 'onShowRecentlyExpiredChange'
>;

/** The Account, Scope and Status filters and "Show recently expired". */
const TokenFilterBar = memo(function TokenFilterBar(props: TokenFilterBarProps) {
  const {
    query,
    accounts,
    filters,
    onFiltersChange,
    showRecentlyExpired,
    onShowRecentlyExpiredChange,
  } = props;
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label="Account"
        value={filters.accountId ?? ALL}
        onChange={(event) => {
          const value = event.target.value;
          onFiltersChange({ ...filters, accountId: value === ALL ? null : value });
        }}
        sx={ACCOUNT_FILTER_SX}
      >
        <MenuItem value={ALL}>All accounts</MenuItem>
        {accounts.map((account) => (
          <MenuItem key={account.id} value={account.id}>
            {account.login} ({registryHost(account)})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="Scope"
        value={filters.scope ?? ALL}
        onChange={(event) => {
          const value = event.target.value;
          const scope = value === 'legacy' || isEndpointScope(value) ? value : null;
          onFiltersChange({ ...filters, scope });
        }}
        sx={{ minWidth: 180 }}
      >
        <MenuItem value={ALL}>Any scope</MenuItem>
        {ENDPOINT_SCOPES.map((scope) => (
          <MenuItem key={scope} value={scope}>
            {scope}
          </MenuItem>
        ))}
        <MenuItem value="legacy">legacy (no scopes)</MenuItem>
      </TextField>
      <ToggleButtonGroup
        size="small"
        aria-label="Status"
        value={filters.statuses}
        onChange={(_event, statuses: TokenFilters['statuses']) => {
          onFiltersChange({ ...filters, statuses });
        }}
      >
        {TOKEN_STATUSES.map((status) => (
          <ToggleButton key={status} value={status} sx={STATUS_TOGGLE_SX}>
            {statusPresentation(status).label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <FormControlLabel
        control={
          <Switch
            checked={showRecentlyExpired}
            onChange={(event) => {
              onShowRecentlyExpiredChange(event.target.checked);
            }}
          />
        }
        label={`Show recently expired (last ${String(RECENTLY_EXPIRED_DAYS)} days)`}
        title={`Also list tokens that expired in the last ${String(RECENTLY_EXPIRED_DAYS)} days`}
      />
      <ClearFiltersButton
        query={query}
        active={hasFilters(filters) || showRecentlyExpired}
        onClear={() => {
          onFiltersChange(NO_FILTERS);
          if (showRecentlyExpired) onShowRecentlyExpiredChange(false);
        }}
      />
    </Stack>
  );
});

/**
 * "Clear filters", shown while any filter, the search or "Show recently
 * expired" narrows or widens the list. It reads the search text itself, so a
 * keystroke renders only this button, not the filter bar.
 */
function ClearFiltersButton(props: {
  readonly query: SearchQuery;
  readonly active: boolean;
  readonly onClear: () => void;
}) {
  const searching = useSearchText(props.query).trim() !== '';
  if (!props.active && !searching) return null;
  return (
    <Button
      size="small"
      startIcon={<FilterAltOffRounded />}
      onClick={() => {
        props.query.set('');
        props.onClear();
      }}
    >
      Clear filters
    </Button>
  );
}
