import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import KeyOffRounded from '@mui/icons-material/KeyOffRounded';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { useNotice } from '../../components/notice';
import { StateMessage } from '../../components/state-message';
import { NoAccountMessage } from '../accounts/no-account-message';
import { useNow } from '../../hooks/use-now';
import { AttentionBanner } from '../attention/attention-banner';
import { showOnlyTokens, useTokenFocusRequests } from '../attention/token-focus';
import { useAttention } from '../attention/use-attention';
import { rememberAccountFailures } from '../accounts/account-reachability';
import { useAccounts } from '../accounts/accounts-context';
import { useSignIn } from '../accounts/sign-in-context';
import { ImportTokenDialog } from '../import-token/import-token-dialog';
import { useTokensWithWarningDays } from '../settings/warning-days';
import { useVault } from '../vault/vault-context';
import { AccountFailures } from './account-failures';
import { refreshFailureOf } from './refresh-failure';
import { LazyRevealSecretDialog } from './lazy-reveal-secret-dialog';
import { SignedOutAccounts } from './signed-out-accounts';
import { TokenActionsProvider } from './token-actions/token-actions-context';
import { createSearchQuery } from './search-query';
import { NO_FILTERS } from './token-filter';
import { KeyFilterNote } from './key-filter-note';
import { TokenCount, TokenResults } from './token-results';
import type { TableTarget } from './token-table';
import { TokenTableSkeleton } from './token-table-skeleton';
import { TokenTableStyles } from './token-table-styles';
import { TokensToolbar } from './tokens-toolbar';
import { useTokenList } from './use-token-list';
import { useTokenView } from './use-token-view';

/*
 * The page's static parts and styles, made once: the page renders again when
 * the list arrives, and then only what depends on the list should.
 */
const TITLE = (
  <Typography variant="h5" component="h1">
    Tokens
  </Typography>
);
const PAGE_SX = { flex: 1, minHeight: 0, p: 3, pb: 2 } as const;
const LIST_AREA_SX = { position: 'relative', flex: 1, minHeight: 0, display: 'flex' } as const;
const PROGRESS_SX = {
  position: 'absolute',
  top: 0,
  left: 8,
  right: 8,
  zIndex: 3,
  height: 2,
} as const;
const LIST_SX = { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' } as const;

/** The Tokens page: every token of every signed-in account in one list. */
export function TokensPage() {
  const [showRecentlyExpired, setShowRecentlyExpired] = useState(false);
  const list = useTokenList(showRecentlyExpired);
  const { accounts, byId, signedIn, status: accountsStatus } = useAccounts();
  const { addAccount, signInAgain } = useSignIn();
  const { ensureReady } = useVault();
  const notify = useNotice();
  const now = useNow();
  const [importing, setImporting] = useState(false);
  // Stable (a state setter), as the memoised rows need.
  const [revealing, setRevealing] = useState<TokenView | null>(null);
  // The search text lives outside this page's state: a keystroke renders the
  // count and the rows, not the page and its toolbar.
  const [query] = useState(createSearchQuery);

  const fetched = useMemo(() => list.value?.tokens ?? [], [list.value]);
  // The Accounts page shows what this list learnt about each registry.
  useEffect(() => {
    if (list.value) rememberAccountFailures(list.value.failures);
  }, [list.value]);
  // Badges, the Status filter and sort follow the user's warning days.
  const tokens = useTokensWithWarningDays(
    fetched,
    list.value?.fetchedAt,
    list.value?.warnWithinDays,
  );
  const view = useTokenView(tokens, byId);
  const { setFilters } = view;
  const clearFilters = useCallback(() => {
    setFilters(NO_FILTERS);
  }, [setFilters]);
  // Statuses move with the clock: when what needs action changes, so may the list.
  const attention = useAttention(list.value?.fetchedAt, list.reload);
  // Built when first asked (an action, a token asked for), not with every list: 5,000 entries.
  const tokenOf = useMemo(() => tokenLookup(tokens), [tokens]);
  const { reload: reloadList } = list;
  const { reload: reloadAttention } = attention;
  // After Rotate, Revoke or Forget: the list and what needs action both change.
  const afterChange = useCallback(() => {
    reloadList();
    reloadAttention();
  }, [reloadList, reloadAttention]);

  // A notification, tray item or the banner asked for a token (or a few).
  const [target, setTarget] = useState<TableTarget | null>(null);
  useTokenFocusRequests((request) => {
    query.set('');
    if (request.kind === 'keys') {
      setFilters({ ...NO_FILTERS, keys: request.keys });
      return;
    }
    setFilters(NO_FILTERS);
    setTarget({ key: request.key, id: request.id });
  });
  // An expired token is listed only among the recently expired.
  const targetMissing =
    target !== null && list.value !== undefined && tokenOf(target.key) === undefined;
  if (targetMissing && !showRecentlyExpired) setShowRecentlyExpired(true);
  const signedOut = useMemo(
    () => accounts.filter((account) => account.status === 'signed-out'),
    [accounts],
  );
  // A signed-out account's failure is said (with a way out) by SignedOutAccounts.
  const failures = (list.value?.failures ?? []).filter(
    (failure) => byId.get(failure.accountId)?.status !== 'signed-out',
  );
  const startImport = useCallback(() => {
    if (ensureReady()) setImporting(true);
  }, [ensureReady]);
  const accountCount = useMemo(() => accountCountOf(tokens), [tokens]);

  let content;
  if (list.status === 'loading') {
    content = <TokenTableSkeleton />;
  } else if (list.value === undefined) {
    content = (
      <StateMessage
        icon={<CloudOffRounded />}
        title="Your tokens could not be loaded"
        actions={
          <Button variant="contained" onClick={list.reload}>
            Retry
          </Button>
        }
      >
        {list.error.message}
      </StateMessage>
    );
  } else if (tokens.length === 0 && failures.length === 0) {
    content =
      accountsStatus === 'ready' && signedIn.length === 0 ? (
        <NoAccountMessage onAddAccount={addAccount}>
          Cratekeeper lists the tokens of the crates.io accounts you sign in with. Add an account to
          see its tokens here, or import a token you already have.
        </NoAccountMessage>
      ) : (
        <StateMessage icon={<KeyOffRounded />} title="No tokens yet">
          Your signed-in accounts have no API tokens. Create one on your registry&apos;s website
          (Account Settings, API Tokens), then press Refresh to see it here, or import one you
          already have.
        </StateMessage>
      );
  } else if (tokens.length > 0) {
    content = (
      <TokenResults
        query={query}
        search={view.search}
        filtered={view.filtered}
        onClearFilters={clearFilters}
        accountsById={byId}
        now={now}
        onShowSecret={setRevealing}
        sort={view.sort}
        onSort={view.sortBy}
        target={target}
      />
    );
  } else {
    content = null;
  }

  return (
    <Stack spacing={2} sx={PAGE_SX}>
      {/* The table's style sheet, made before the list arrives rather than with it. */}
      <TokenTableStyles />
      <div>
        {TITLE}
        <TokenCount
          query={query}
          search={view.search}
          total={tokens.length}
          accounts={accountCount}
          known={list.value !== undefined}
        />
      </div>
      <TokensToolbar
        query={query}
        onRefresh={list.reload}
        onImport={startImport}
        refreshing={list.pending}
        fetchedAt={list.value?.fetchedAt}
        refreshFailure={refreshFailureOf(
          list.value && { fetchedAt: list.value.fetchedAt, failures },
          list.status === 'error',
        )}
        now={now}
        searchDisabled={tokens.length === 0}
        accounts={signedIn}
        filters={view.filters}
        onFiltersChange={view.setFilters}
        showRecentlyExpired={showRecentlyExpired}
        onShowRecentlyExpiredChange={setShowRecentlyExpired}
      />
      {list.status === 'error' && list.value !== undefined && (
        <Alert
          severity="error"
          variant="outlined"
          action={
            <Button color="inherit" size="small" onClick={list.reload}>
              Retry
            </Button>
          }
        >
          <AlertTitle>The list could not be refreshed</AlertTitle>
          {list.error.message} Below are the tokens as they were when last fetched.
        </Alert>
      )}
      <KeyFilterNote
        count={view.filters.keys?.length ?? null}
        onClear={() => {
          setFilters({ ...view.filters, keys: null });
        }}
      />
      <SignedOutAccounts accounts={signedOut} onSignInAgain={signInAgain} />
      <AccountFailures
        failures={failures}
        accountsById={byId}
        now={now}
        onRetry={list.reload}
        retrying={list.pending}
      />
      {/* The banner's Rotate and Regenerate open the rows' own dialogs. */}
      <TokenActionsProvider onChanged={afterChange} listFetchedAt={list.value?.fetchedAt}>
        <AttentionBanner
          attention={attention.attention}
          tokenOf={tokenOf}
          onShowOnly={showOnlyTokens}
          onForgotten={afterChange}
        />
        <Box sx={LIST_AREA_SX}>
          {list.pending && list.value !== undefined && (
            <LinearProgress aria-label="Refreshing tokens" sx={PROGRESS_SX} />
          )}
          <Box sx={LIST_SX}>{content}</Box>
        </Box>
      </TokenActionsProvider>
      <ImportTokenDialog
        open={importing}
        accounts={accounts}
        onImported={(token) => {
          setImporting(false);
          notify(`Imported ${token.name}. Its secret is encrypted in Cratekeeper.`);
          list.reload();
        }}
        onClose={() => {
          setImporting(false);
        }}
      />
      <LazyRevealSecretDialog
        token={revealing}
        account={revealing?.accountId ? byId.get(revealing.accountId) : undefined}
        onClose={() => {
          setRevealing(null);
        }}
      />
    </Stack>
  );
}

/** Finds a token by key; the index is built on the first search. */
function tokenLookup(tokens: readonly TokenView[]): (key: string) => TokenView | undefined {
  let byKey: Map<string, TokenView> | undefined;
  return (key) => {
    byKey ??= new Map(tokens.map((token) => [token.key, token]));
    return byKey.get(key);
  };
}

/** How many accounts the tokens come from (imported ones have none). */
function accountCountOf(tokens: readonly TokenView[]): number {
  const ids = new Set<string>();
  for (const token of tokens) if (token.accountId !== null) ids.add(token.accountId);
  return ids.size;
}
