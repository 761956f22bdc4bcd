import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineRounded from '@mui/icons-material/CheckCircleOutlineRounded';
import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded';
import { useId, useState } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useNow } from '../../hooks/use-now';
import { useAccounts } from '../accounts/accounts-context';
import { accountTextOf, cratePatternsOf, lastUsedText } from '../tokens/token-format';

/** What the registry said for one token. */
export interface RetireResult {
  readonly key: string;
  readonly revoked: boolean;
  /** The registry's words when it refused; null when revoked. */
  readonly message: string | null;
}

export interface RetireTokensDialogProps {
  readonly open: boolean;
  readonly crateName: string;
  /** The tokens to revoke, as offered when the dialog opened. */
  readonly tokens: readonly TokenView[];
  /** Closed, after results if any were shown: refresh what the page shows. */
  readonly onClose: (retiredAny: boolean) => void;
}

const LIST_SX = { m: 0, p: 0, listStyle: 'none' } as const;
const ITEM_SX = {
  py: 1,
  '& + &': { borderTop: 1, borderColor: 'divider' },
} as const;

/**
 * The one confirmed step of retiring: every token listed with its account,
 * patterns and last use, and what stops working; then each token's result,
 * the registry's refusal word for word. Never retried: each press revokes
 * once, and a second press only offers the tokens not yet revoked.
 */
export function RetireTokensDialog({ open, crateName, tokens, onClose }: RetireTokensDialogProps) {
  const invoke = useInvoke();
  const now = useNow();
  const { byId } = useAccounts();
  const titleId = useId();
  const textId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<ReadonlyMap<string, RetireResult>>(new Map());
  const revokedCount = [...results.values()].filter((result) => result.revoked).length;
  const left = tokens.filter((token) => results.get(token.key)?.revoked !== true);
  const done = results.size > 0 && left.length === 0;

  const close = () => {
    if (pending) return;
    onClose(revokedCount > 0);
    setResults(new Map());
    setError(null);
  };
  const retire = async () => {
    setPending(true);
    setError(null);
    const answer = await invoke('crates:retire-tokens', { keys: left.map((token) => token.key) });
    setPending(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    setResults((previous) => {
      const next = new Map(previous);
      for (const result of answer.value.results) next.set(result.key, result);
      return next;
    });
  };

  const count = tokens.length;
  const noun = count === 1 ? 'token' : `${String(count)} tokens`;
  return (
    <Dialog
      open={open}
      onClose={close}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <DialogTitle id={titleId}>
        Retire the {noun} trusted publishing replaced for {crateName}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={textId} component="div" sx={{ mb: 1.5 }}>
          Cratekeeper revokes {count === 1 ? 'this token' : 'these tokens'} on the registry.
          Anything that still uses {count === 1 ? 'it' : 'them'}, such as cargo publish from a
          laptop or a CI job not yet moved to trusted publishing, stops working at once; publishing
          through trusted publishing keeps working. Revoking cannot be undone.
        </DialogContentText>
        <Box component="ul" aria-label="Tokens to retire" sx={LIST_SX}>
          {tokens.map((token) => {
            const account = token.accountId === null ? undefined : byId.get(token.accountId);
            const owner = accountTextOf(token, account);
            const patterns = cratePatternsOf(token.cratePatterns) ?? [];
            const lastUsed = lastUsedText(token.lastUsedAt, now);
            const result = results.get(token.key);
            return (
              <Box component="li" key={token.key} sx={ITEM_SX}>
                <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {token.name}
                </Typography>
                <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                  {owner.primary} on {owner.secondary} ·{' '}
                  {patterns.map((pattern, index) => (
                    <span key={pattern}>
                      {index > 0 && ', '}
                      <code>{pattern}</code>
                    </span>
                  ))}{' '}
                  ·{' '}
                  {token.lastUsedAt === null ? (
                    'never used'
                  ) : (
                    <span title={lastUsed.exact ?? undefined}>last used {lastUsed.relative}</span>
                  )}
                </Typography>
                {result !== undefined && <ResultLine result={result} />}
              </Box>
            );
          })}
        </Box>
        {error !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {done ? (
          <Button variant="contained" onClick={close} autoFocus>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={close} disabled={pending} autoFocus>
              {results.size > 0 ? 'Close' : 'Cancel'}
            </Button>
            <Button
              variant="contained"
              color="error"
              loading={pending}
              onClick={() => {
                void retire();
              }}
            >
              {left.length === 1 ? 'Revoke 1 token' : `Revoke ${String(left.length)} tokens`}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

/** "Revoked", or why not as the core said it (it carries the registry's words and says it was not revoked). */
function ResultLine({ result }: { readonly result: RetireResult }) {
  const Icon = result.revoked ? CheckCircleOutlineRounded : ErrorOutlineRounded;
  return (
    <Typography
      variant="body2"
      role="status"
      sx={{
        display: 'flex',
        alignItems: 'flex-start',
        gap: 0.75,
        mt: 0.5,
        color: result.revoked ? 'success.main' : 'error.main',
        fontWeight: 600,
      }}
    >
      <Icon aria-hidden sx={{ fontSize: 18, mt: '1px' }} />
      <span>{result.revoked ? 'Revoked' : (result.message ?? 'Not revoked.')}</span>
    </Typography>
  );
}
