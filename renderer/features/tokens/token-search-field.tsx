import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchRounded from '@mui/icons-material/SearchRounded';
import { memo, useEffect, useRef, useSyncExternalStore } from 'react';
import type { SearchQuery } from './search-query';

const SEARCH_ICON = (
  <InputAdornment position="start">
    <SearchRounded fontSize="small" />
  </InputAdornment>
);
const SLOT_PROPS = { input: { startAdornment: SEARCH_ICON } } as const;
const FIELD_SX = { width: 320, flexShrink: 0 } as const;

/**
 * The search field. It holds the text as it is typed (and hands it to
 * `query`), so a keystroke renders only the results, not the toolbar around
 * it, nor even the field: the input keeps its own value (React does not
 * control it), and text set from elsewhere (Escape, "Clear search") is
 * written to it directly. Ctrl/Cmd+F jumps here.
 */
export const TokenSearchField = memo(function TokenSearchField({
  query,
  disabled,
}: {
  readonly query: SearchQuery;
  /** Nothing to search yet (no list, or an empty one); a typed query stays editable. */
  readonly disabled: boolean;
}) {
  // Rendered again only when the field turns empty or stops being empty.
  const empty = useSyncExternalStore(query.subscribe, () => query.get() === '');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () =>
      query.subscribe(() => {
        const input = inputRef.current;
        if (input && input.value !== query.get()) input.value = query.get();
      }),
    [query],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <TextField
      type="search"
      size="small"
      label="Search tokens"
      placeholder="Name, pattern or crate name"
      defaultValue={query.get()}
      disabled={disabled && empty}
      inputRef={inputRef}
      onChange={(event) => {
        query.set(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !empty) {
          event.preventDefault();
          query.set('');
        }
      }}
      sx={FIELD_SX}
      slotProps={SLOT_PROPS}
    />
  );
});
