import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import SearchOffRounded from '@mui/icons-material/SearchOffRounded';
import { memo } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { StateMessage } from '../../components/state-message';
import { useSearchResult, type SearchQuery } from './search-query';
import { crateNameOf, type TokenSearch } from './token-search';
import type { SortColumn, TokenSort } from './token-sort';
import { TokenTable, type TableTarget } from './token-table';

/*
 * What a keystroke in the search field renders again: the count line and the
 * rows (or the message that none match). Both read the search result from
 * `useSearchResult`, which shares one search between them.
 */

export interface TokenResultsProps {
  readonly query: SearchQuery;
  /** Searches the sorted, filtered list. */
  readonly search: TokenSearch;
  /** Some filter is set (for the "none match" message). */
  readonly filtered: boolean;
  /** Sets the filters back; keep it stable. */
  readonly onClearFilters: () => void;
  readonly accountsById: ReadonlyMap<string, Account>;
  readonly now: Date;
  readonly onShowSecret: (token: TokenView) => void;
  readonly sort: TokenSort | null;
  readonly onSort: (column: SortColumn) => void;
  /** A token to scroll to, highlight and focus (a notification or the banner pointed at it). */
  readonly target?: TableTarget | null;
}

/** The list's rows for the current search, or why there are none. */
export const TokenResults = memo(function TokenResults(props: TokenResultsProps) {
  const { query, search, filtered, onClearFilters, accountsById, now, onShowSecret } = props;
  const { query: text, found } = useSearchResult(query, search);
  if (found.length === 0) {
    return (
      <StateMessage
        icon={<SearchOffRounded />}
        title={
          text.trim() === '' ? 'No tokens match the filters' : `No tokens match “${text.trim()}”`
        }
        actions={
          <Button
            onClick={() => {
              query.set('');
              onClearFilters();
            }}
          >
            {filtered ? 'Clear search and filters' : 'Clear search'}
          </Button>
        }
      >
        The search looks at token names and crate patterns, and a crate name also finds the tokens
        whose patterns cover that crate.
      </StateMessage>
    );
  }
  return (
    <TokenTable
      tokens={found}
      accountsById={accountsById}
      now={now}
      onShowSecret={onShowSecret}
      sort={props.sort}
      onSort={props.onSort}
      target={props.target}
      crateName={crateNameOf(text)}
    />
  );
});

export interface TokenCountProps {
  readonly query: SearchQuery;
  readonly search: TokenSearch;
  /** Tokens in the whole list. */
  readonly total: number;
  /** Accounts the list's tokens belong to. */
  readonly accounts: number;
  /** False before the first list arrives: the line stays empty. */
  readonly known: boolean;
}

/** The line under the title: how many tokens there are, and how many are shown. */
export const TokenCount = memo(function TokenCount(props: TokenCountProps) {
  return (
    <Typography variant="body2" role="status" sx={COUNT_SX}>
      {props.known && <CountText {...props} />}
    </Typography>
  );
});

/** The count's words: the part a keystroke renders again. */
function CountText({ query, search, total, accounts }: TokenCountProps) {
  const { found } = useSearchResult(query, search);
  return countText(found.length, total, accounts);
}

const COUNT_SX = { color: 'text.secondary', minHeight: 20 } as const;

function countText(shown: number, total: number, accounts: number): string {
  const tokens = total === 1 ? '1 token' : `${String(total)} tokens`;
  if (shown !== total) return `Showing ${String(shown)} of ${tokens}`;
  if (total === 0) return 'No tokens';
  return accounts > 1 ? `${tokens} across ${String(accounts)} accounts` : tokens;
}
