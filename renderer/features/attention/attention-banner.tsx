import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import ScheduleRounded from '@mui/icons-material/ScheduleRounded';
import { useId, useState } from 'react';
import type { AttentionItem, AttentionSummary } from '../../../shared/domain/attention';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';
import { availableActionsOf } from '../tokens/token-actions/token-action-rules';
import { useTokenActions } from '../tokens/token-actions/token-actions-context';
import { RECENTLY_EXPIRED_DAYS } from '../tokens/use-token-list';
import { attentionTitle, BANNER_ITEMS, bannerItemsOf, isAlertItem } from './attention-text';

export interface AttentionBannerProps {
  /** What needs action; nothing is shown while unknown or when nothing does. */
  readonly attention: AttentionSummary | undefined;
  /** The listed token of a key, for Rotate and Regenerate. */
  readonly tokenOf: (key: string) => TokenView | undefined;
  /** Filters the list to these tokens ("and N more"). */
  readonly onShowOnly: (keys: readonly string[]) => void;
  /** After Forget: the list and the banner change. */
  readonly onForgotten: () => void;
}

const LIST_SX = { m: 0, p: 0, listStyle: 'none' } as const;
const ITEM_SX = {
  display: 'flex',
  alignItems: 'center',
  flexWrap: 'wrap',
  columnGap: 1.5,
  rowGap: 0.5,
  py: 0.25,
} as const;
const ITEM_ICON_SX = { fontSize: 18, flexShrink: 0 } as const;
// Wide enough for Regenerate and Rotate, so a lone Regenerate lines up with the others.
const ACTIONS_SX = { display: 'flex', gap: 1, ml: 'auto', minWidth: 172 } as const;

/**
 * Above the token list: what needs action now, worst first, each with what
 * fixes it (Rotate and Regenerate, the rows' own dialogs; Forget for a secret
 * whose token is gone). The first few are named; "and N more" filters the
 * list to all of them. Lives below a TokenActionsProvider.
 */
export function AttentionBanner({
  attention,
  tokenOf,
  onShowOnly,
  onForgotten,
}: AttentionBannerProps) {
  const titleId = useId();
  const [forgetting, setForgetting] = useState<AttentionItem | null>(null);
  const invoke = useInvoke();
  const items = bannerItemsOf(attention?.items ?? []);
  if (attention === undefined || items.length === 0) return null;
  const { tokenCounts } = attention;
  const severity = tokenCounts.broken > 0 ? 'error' : 'warning';
  const shown = items.slice(0, BANNER_ITEMS);
  const more = tokenCounts.broken + tokenCounts.expiring - shown.length;

  return (
    <Box component="section" aria-labelledby={titleId}>
      <Alert
        severity={severity}
        variant="outlined"
        // A titled region, not a live one: the list's count is the page's status line.
        role="none"
        // The message takes the width, so every item's buttons line up on the right.
        sx={{ py: 0.25, '& .MuiAlert-message': { flex: 1, minWidth: 0 } }}
      >
        <AlertTitle id={titleId} component="h2" sx={{ mb: 0.5 }}>
          {attentionTitle(tokenCounts)}
        </AlertTitle>
        <Box component="ul" sx={LIST_SX}>
          {shown.map((item) => (
            <AttentionRow
              key={item.key}
              item={item}
              token={tokenOf(item.key)}
              onForget={setForgetting}
            />
          ))}
        </Box>
        {more > 0 && (
          <Button
            size="small"
            color="inherit"
            sx={{ mt: 0.5, ml: -0.5, textDecoration: 'underline' }}
            onClick={() => {
              // The window holds only the first few; the core has them all.
              void invoke('watch:attention-keys', {}).then((answer) => {
                if (answer.ok) onShowOnly(answer.value.keys);
              });
            }}
          >
            and {more} more
          </Button>
        )}
      </Alert>
      <ForgetDialog
        item={forgetting}
        onForgotten={onForgotten}
        onClose={() => {
          setForgetting(null);
        }}
      />
    </Box>
  );
}

interface AttentionRowProps {
  readonly item: AttentionItem;
  readonly token: TokenView | undefined;
  readonly onForget: (item: AttentionItem) => void;
}

/**
 * One thing that needs action. Its buttons sit in a group named after the
 * token, so "Rotate" is announced with whose it is and never clashes with the
 * row's own "Rotate NAME".
 */
function AttentionRow({ item, token, onForget }: AttentionRowProps) {
  const open = useTokenActions();
  const resolve = useTokenResolver();
  const actions = replaceActionsOf(item, token);
  const Icon = isAlertItem(item) ? ErrorOutlineRounded : ScheduleRounded;
  return (
    <Box component="li" sx={ITEM_SX}>
      <Icon aria-hidden sx={ITEM_ICON_SX} />
      <Box component="span" sx={{ flex: '1 1 320px', minWidth: 0 }}>
        {item.message}
      </Box>
      <Box role="group" aria-label={item.name} sx={ACTIONS_SX}>
        {open !== null &&
          actions.map((kind) => (
            <Button
              key={kind}
              size="small"
              variant="outlined"
              color="inherit"
              onClick={() => {
                void resolve(item.key, token).then((found) => {
                  if (found) open(kind, found);
                });
              }}
            >
              {kind === 'rotate' ? 'Rotate' : 'Regenerate'}
            </Button>
          ))}
        {item.reason === 'revoked-elsewhere' && (
          <Button
            size="small"
            variant="outlined"
            color="inherit"
            onClick={() => {
              onForget(item);
            }}
          >
            Forget {item.name}
          </Button>
        )}
      </Box>
    </Box>
  );
}

/**
 * Rotate and Regenerate as the row would offer them. An expired token is not
 * in the list unless "Show recently expired" is on: it can only be
 * regenerated, which its facts (fetched on press) are enough for.
 */
function replaceActionsOf(
  item: AttentionItem,
  token: TokenView | undefined,
): readonly ('rotate' | 'regenerate')[] {
  if (!item.canReplace) return [];
  if (token === undefined) return item.reason === 'expired' ? ['regenerate'] : [];
  return availableActionsOf(token).filter(
    (kind): kind is 'rotate' | 'regenerate' => kind !== 'revoke',
  );
}

/** Finds a token the list does not show (an expired one) among the recently expired. */
function useTokenResolver() {
  const invoke = useInvoke();
  return async (key: string, listed: TokenView | undefined): Promise<TokenView | undefined> => {
    if (listed) return listed;
    const answer = await invoke('tokens:list', { expiredDays: RECENTLY_EXPIRED_DAYS });
    return answer.ok ? answer.value.tokens.find((token) => token.key === key) : undefined;
  };
}

function ForgetDialog({
  item,
  onForgotten,
  onClose,
}: {
  item: AttentionItem | null;
  onForgotten: () => void;
  onClose: () => void;
}) {
  const invoke = useInvoke();
  const notify = useNotice();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(item);
  if (item !== null && item !== shown) setShown(item);
  return (
    <ConfirmDialog
      open={item !== null}
      title={shown ? `Forget “${shown.name}”?` : ''}
      confirmLabel="Forget"
      tone="error"
      onConfirm={async () => {
        if (item === null) return null;
        const answer = await invoke('tokens:forget', { key: item.key });
        if (!answer.ok) return answer.error.message;
        notify(`Forgot “${item.name}”: its secret is no longer held.`);
        onForgotten();
        return null;
      }}
      onClose={onClose}
    >
      The registry no longer lists this token, so its secret cannot work any more. Cratekeeper
      deletes the secret it holds; nothing changes on the registry.
    </ConfirmDialog>
  );
}
