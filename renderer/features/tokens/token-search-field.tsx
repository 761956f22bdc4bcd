import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchRounded from '@mui/icons-material/SearchRounded';
import { useEffect, useRef } from 'react';
import { useSearchText, type SearchQuery } from './search-query';

const SEARCH_ICON = (
  <InputAdornment position="start">
    <SearchRounded fontSize="small" />
  </InputAdornment>
);
const SLOT_PROPS = { input: { startAdornment: SEARCH_ICON } } as const;
const FIELD_SX = { width: 320 } as const;

/**
 * The search field. It alone holds the text as it is typed (in `query`), so a
 * keystroke renders the field and the results, not the toolbar around it.
 * Ctrl/Cmd+F jumps here; Escape clears it.
 */
export function TokenSearchField({
  query,
  disabled,
}: {
  readonly query: SearchQuery;
  /** Nothing to search yet (no list, or an empty one); a typed query stays editable. */
  readonly disabled: boolean;
}) {
  const text = useSearchText(query);
  const inputRef = useRef<HTMLInputElement>(null);

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
      placeholder="Name or crate pattern"
      value={text}
      disabled={disabled && text === ''}
      inputRef={inputRef}
      onChange={(event) => {
        query.set(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && text !== '') {
          event.preventDefault();
          query.set('');
        }
      }}
      sx={FIELD_SX}
      slotProps={SLOT_PROPS}
    />
  );
}
