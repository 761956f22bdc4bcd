import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CloudOffRounded from '@mui/icons-material/CloudOffRounded';
import Inventory2Rounded from '@mui/icons-material/Inventory2Rounded';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  useTransition,
  type ReactNode,
} from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useNotice } from '../../components/notice';
import { StateMessage } from '../../components/state-message';
import { NoAccountMessage } from '../accounts/no-account-message';
import { useNow } from '../../hooks/use-now';
import { useAccounts } from '../accounts/accounts-context';
import { RetireTokensPanel } from '../crate-audit/retire-tokens-panel';
import { RiskAuditSection } from '../crate-audit/risk-audit-section';
import { useSignIn } from '../accounts/sign-in-context';
import { useTokenList } from '../tokens/use-token-list';
import { CrateCard } from './crate-card';
import { withConfigAdded, withConfigDeleted, withTrustedPublishing } from './crate-patch';
import { filterCrates, hasConfigs, type TrustedPublishingFilter } from './crate-filter';
import { configName, type ConfigRef } from './crate-text';
import { CratesFailures } from './crates-failures';
import { CRATE_LIST_CLASS, CratesPageStyles } from './crates-page-styles';
import { CratesToolbar } from './crates-toolbar';
import { DeleteConfigDialog, type DeleteRequest } from './delete-config-dialog';
import { SetupDialog } from './setup-dialog';
import { TrustpubOnlyDialog } from './trustpub-only-dialog';
import { useCargoTokens } from './use-cargo-tokens';
import { useCratesOverview } from './use-crates-overview';

const NO_TOKENS: readonly TokenView[] = [];
/** Crates drawn at once; the rest follow in an interruptible render, so the page opens at once. */
const FIRST_CARDS = 24;
const PAGE_SX = { flex: 1, minHeight: 0, overflowY: 'auto', p: 3, pb: 2 } as const;

/**
 * The Crates page: every crate of every signed-in account, which tokens can
 * act on each, and its trusted publishing, set up and changed from here.
 */
export function CratesPage() {
  const { call, overview, patchCrate } = useCratesOverview();
  const tokenList = useTokenList();
  const cargoTokens = useCargoTokens();
  const { byId, signedIn, status: accountsStatus } = useAccounts();
  const { addAccount, signInAgain } = useSignIn();
  const invoke = useInvoke();
  const notify = useNotice();
  const now = useNow();

  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<TrustedPublishingFilter>('all');
  const deferredQuery = useDeferredValue(query);
  const [setupKey, setSetupKey] = useState<string | null>(null);
  const [confirmOnKey, setConfirmOnKey] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<DeleteRequest | null>(null);
  const [switchingKey, setSwitchingKey] = useState<string | null>(null);
  const [cardErrors, setCardErrors] = useState<ReadonlyMap<string, string>>(new Map());

  const crates = useMemo(() => overview?.crates ?? [], [overview]);
  const cratesByKey = useMemo(() => new Map(crates.map((crate) => [crate.key, crate])), [crates]);
  const allTokens = tokenList.value?.tokens ?? NO_TOKENS;
  let tokensUnknown: string | null = null;
  if (tokenList.value === undefined) {
    tokensUnknown = tokenList.status === 'error' ? tokenList.error.message : 'loading';
  }
  // Accounts whose tokens are missing from the list (not merely as last fetched), signed-out ones too.
  const tokenFailures = useMemo(
    () =>
      new Set([
        ...(tokenList.value?.failures ?? [])
          .filter((failure) => failure.lastKnownAt === null)
          .map((failure) => failure.accountId),
        ...[...byId.values()]
          .filter((account) => account.status === 'signed-out')
          .map((account) => account.id),
      ]),
    [tokenList.value, byId],
  );
  // Each card looks only at its registry's tokens.
  const tokensByRegistry = useMemo(() => {
    const grouped = new Map<string, TokenView[]>();
    for (const token of allTokens) {
      const group = grouped.get(token.registryName);
      if (group) group.push(token);
      else grouped.set(token.registryName, [token]);
    }
    return grouped;
  }, [allTokens]);
  const shown = useMemo(
    () => filterCrates(crates, deferredQuery, filter),
    [crates, deferredQuery, filter],
  );

  // Hundreds of crates: the first screenful now, the others in a transition that yields to input.
  const [drawn, setDrawn] = useState(FIRST_CARDS);
  const [, startDrawing] = useTransition();
  useEffect(() => {
    if (drawn < shown.length) {
      startDrawing(() => {
        setDrawn(shown.length);
      });
    }
  }, [drawn, shown.length]);
  const drawnCrates = shown.length > drawn ? shown.slice(0, drawn) : shown;

  const { reload: reloadOverview } = call;
  const { reload: reloadTokens } = tokenList;
  const reloadAll = useCallback(() => {
    reloadOverview();
    reloadTokens();
  }, [reloadOverview, reloadTokens]);

  /** The account that acts for a crate: its first signed-in owner here. */
  const accountIdFor = useCallback(
    (crate: CrateView): string =>
      crate.ownerAccountIds.find((id) => byId.get(id)?.status === 'signed-in') ??
      crate.ownerAccountIds[0] ??
      '',
    [byId],
  );

  const setCardError = useCallback((key: string, message: string | null) => {
    setCardErrors((previous) => {
      if (message === null && !previous.has(key)) return previous;
      const next = new Map(previous);
      if (message === null) next.delete(key);
      else next.set(key, message);
      return next;
    });
  }, []);

  const setTrustpubOnly = useCallback(
    async (crate: CrateView, on: boolean): Promise<string | null> => {
      setSwitchingKey(crate.key);
      const answer = await invoke('crates:set-trustpub-only', {
        accountId: accountIdFor(crate),
        crate: crate.name,
        trustpubOnly: on,
      });
      setSwitchingKey(null);
      if (!answer.ok) return answer.error.message;
      const { trustpubOnly } = answer.value;
      patchCrate(crate.key, (current) => withTrustedPublishing(current, () => ({ trustpubOnly })));
      setCardError(crate.key, null);
      notify(
        trustpubOnly
          ? `${crate.name} now accepts new versions only from trusted publishing.`
          : `API tokens can publish new versions of ${crate.name} again.`,
      );
      return null;
    },
    [invoke, accountIdFor, patchCrate, setCardError, notify],
  );

  const onTrustpubOnly = useCallback(
    (crate: CrateView, on: boolean) => {
      // Switching on is asked first; switching off only gives back what tokens could do.
      if (on) {
        setConfirmOnKey(crate.key);
        return;
      }
      void setTrustpubOnly(crate, false).then((problem) => {
        if (problem !== null) {
          setCardError(crate.key, `Trusted publishing only was not switched off: ${problem}`);
        }
      });
    },
    [setTrustpubOnly, setCardError],
  );
  const onSetUp = useCallback((crate: CrateView) => {
    setSetupKey(crate.key);
  }, []);
  const onDelete = useCallback(
    (crate: CrateView, ref: ConfigRef) => {
      setDeleting({ crate, ref, accountId: accountIdFor(crate) });
    },
    [accountIdFor],
  );
  const onAdded = useCallback(
    (crate: CrateView, ref: ConfigRef) => {
      if (crate.trustedPublishing === null) {
        reloadOverview();
        return;
      }
      patchCrate(crate.key, (current) => withConfigAdded(current, ref));
    },
    [patchCrate, reloadOverview],
  );
  const onDeleted = useCallback(
    ({ crate, ref }: DeleteRequest) => {
      patchCrate(crate.key, (current) => withConfigDeleted(current, ref));
      notify(`Deleted the ${configName(ref)} of ${crate.name}.`);
    },
    [patchCrate, notify],
  );

  // The audit feature's "Retire tokens" goes in each crate's trusted publishing.
  const renderRetirePanel = useCallback(
    (crate: CrateView): ReactNode => (
      <RetireTokensPanel crate={crate} crates={crates} tokens={allTokens} onRetired={reloadAll} />
    ),
    [crates, allTokens, reloadAll],
  );

  const setupCrate = setupKey === null ? null : (cratesByKey.get(setupKey) ?? null);
  const setupOwners = useMemo(
    () => setupCrate?.ownerAccountIds.flatMap((id) => byId.get(id) ?? []) ?? [],
    [setupCrate, byId],
  );
  const signedOut = useMemo(
    () => [...byId.values()].filter((account) => account.status === 'signed-out'),
    [byId],
  );
  // A signed-out account's failure is said (with a way back) by the signed-out notice.
  const failures = (overview?.failures ?? []).filter(
    (failure) =>
      failure.kind !== 'signed-out' && byId.get(failure.accountId)?.status !== 'signed-out',
  );
  const accountCount = new Set(crates.flatMap((crate) => crate.ownerAccountIds)).size;
  const onTrustedPublishing = crates.filter(hasConfigs).length;

  let content: ReactNode;
  if (call.status === 'loading' && overview === undefined) {
    content = <LinearProgress aria-label="Loading crates" />;
  } else if (overview === undefined) {
    content = (
      <StateMessage
        icon={<CloudOffRounded />}
        title="Your crates could not be loaded"
        actions={
          <Button variant="contained" onClick={reloadOverview}>
            Retry
          </Button>
        }
      >
        {call.error?.message}
      </StateMessage>
    );
  } else if (crates.length === 0 && failures.length === 0) {
    content =
      accountsStatus === 'ready' && signedIn.length === 0 ? (
        <NoAccountMessage onAddAccount={addAccount}>
          Cratekeeper lists the crates of the accounts you sign in with. Add an account to see who
          can publish each of its crates.
        </NoAccountMessage>
      ) : (
        <StateMessage icon={<Inventory2Rounded />} title="No crates yet">
          Your signed-in accounts own no crates. Once one publishes a crate, it is listed here.
        </StateMessage>
      );
  } else if (shown.length === 0 && crates.length > 0) {
    content = (
      <StateMessage
        icon={<Inventory2Rounded />}
        title="No crate matches"
        actions={
          <Button
            variant="outlined"
            onClick={() => {
              setQuery('');
              setFilter('all');
            }}
          >
            Clear search and filter
          </Button>
        }
      >
        No crate of your accounts matches what is searched for and filtered.
      </StateMessage>
    );
  } else {
    content = (
      <ul className={CRATE_LIST_CLASS} aria-label="Crates">
        {drawnCrates.map((crate) => (
          <CrateCard
            key={crate.key}
            crate={crate}
            tokens={tokensByRegistry.get(crate.registryName) ?? NO_TOKENS}
            tokensUnknown={tokensUnknown}
            tokenFailures={tokenFailures}
            accountsById={byId}
            cargoTokenKey={cargoTokens.get(crate.registryName)}
            switching={switchingKey === crate.key}
            error={cardErrors.get(crate.key)}
            onSetUp={onSetUp}
            onDelete={onDelete}
            onTrustpubOnly={onTrustpubOnly}
            renderRetirePanel={renderRetirePanel}
          />
        ))}
      </ul>
    );
  }

  return (
    <Box sx={PAGE_SX}>
      <CratesPageStyles />
      <Stack spacing={2}>
        <div>
          <Typography variant="h5" component="h1">
            Crates
          </Typography>
          <Typography role="status" variant="body2" sx={{ color: 'text.secondary' }}>
            {overview === undefined
              ? '\u00a0'
              : `${countText(crates.length, 'crate')} across ${countText(accountCount, 'account')}, ${onTrustedPublishing} on trusted publishing`}
          </Typography>
        </div>
        <CratesFailures
          signedOut={signedOut}
          failures={failures}
          accountsById={byId}
          now={now}
          onRetry={reloadAll}
          retrying={call.pending}
          onSignInAgain={signInAgain}
        />
        {overview !== undefined && tokenList.value !== undefined && (
          <RiskAuditSection
            crates={crates}
            tokens={allTokens}
            onSetUpTrustedPublishing={setSetupKey}
            onChanged={reloadAll}
          />
        )}
        <CratesToolbar
          query={query}
          onQueryChange={setQuery}
          filter={filter}
          onFilterChange={setFilter}
          onRefresh={reloadAll}
          refreshing={call.pending || tokenList.pending}
          disabled={crates.length === 0}
        />
        {content}
      </Stack>
      <SetupDialog
        crate={setupCrate}
        owners={setupOwners}
        onAdded={onAdded}
        onClose={() => {
          setSetupKey(null);
        }}
      />
      <TrustpubOnlyDialog
        crate={confirmOnKey === null ? null : (cratesByKey.get(confirmOnKey) ?? null)}
        onConfirm={(crate) => setTrustpubOnly(crate, true)}
        onClose={() => {
          setConfirmOnKey(null);
        }}
      />
      <DeleteConfigDialog
        request={deleting}
        onDeleted={onDeleted}
        onClose={() => {
          setDeleting(null);
        }}
      />
    </Box>
  );
}

function countText(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
