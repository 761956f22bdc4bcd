import Button from '@mui/material/Button';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FileDownloadRounded from '@mui/icons-material/FileDownloadRounded';
import RefreshRounded from '@mui/icons-material/RefreshRounded';
import SearchRounded from '@mui/icons-material/SearchRounded';
import { useEffect, useRef } from 'react';
import { NewTokenButton } from '../new-token/new-token-button';
import { formatAge, formatDateTime } from './token-format';

export interface TokensToolbarProps {
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
  readonly onRefresh: () => void;
  /** Opens "Import a token". */
  readonly onImport: () => void;
  readonly refreshing: boolean;
  /** When the shown list was fetched; undefined before the first answer. */
  readonly fetchedAt: string | undefined;
  readonly now: Date;
  /** Nothing to search yet (no list, or an empty one). */
  readonly searchDisabled: boolean;
}

/** Search, import, refresh and the list's age. Ctrl/Cmd+F jumps to the search field. */
export function TokensToolbar(props: TokensToolbarProps) {
  const { query, onQueryChange, onRefresh, onImport, refreshing, fetchedAt, now, searchDisabled } =
    props;
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <TextField
        type="search"
        size="small"
        label="Search tokens"
        placeholder="Name or crate pattern"
        value={query}
        disabled={searchDisabled && query === ''}
        inputRef={searchRef}
        onChange={(event) => {
          onQueryChange(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query !== '') {
            event.preventDefault();
            onQueryChange('');
          }
        }}
        sx={{ width: 320 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchRounded fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', ml: 'auto !important' }}>
        {fetchedAt !== undefined && (
          <Typography variant="body2" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
            Updated{' '}
            <time dateTime={fetchedAt} title={formatDateTime(fetchedAt)}>
              {formatAge(fetchedAt, now)}
            </time>
          </Typography>
        )}
        <NewTokenButton />
        <Button variant="outlined" startIcon={<FileDownloadRounded />} onClick={onImport}>
          Import token
        </Button>
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
  );
}
