import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import VisibilityOffOutlined from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { useId } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { useEvent } from '../../api/use-event';
import { MONO_FONT } from '../../components/fonts';
import { accountTextOf } from './token-format';
import { useCopySecret } from './use-copy-secret';
import { useRevealedSecret } from './use-revealed-secret';

/** Shown in place of the secret: a fixed length, so it says nothing about the real one. */
export const MASK = '•'.repeat(24);

export interface RevealSecretDialogProps {
  /** The token whose secret may be shown; null = closed. */
  readonly token: TokenView | null;
  readonly account: Account | undefined;
  readonly onClose: () => void;
}

/**
 * A held token's secret, masked until the user presses Reveal: the only place
 * the renderer ever asks for a secret (`tokens:reveal`). The secret lives in
 * the dialog's content only, so closing the dialog drops it at once; so does
 * locking the vault, and a minute without action.
 */
export function RevealSecretDialog({ token, account, onClose }: RevealSecretDialogProps) {
  const titleId = useId();
  useEvent('vault:changed', (status) => {
    if (token !== null && status.state !== 'ready') onClose();
  });
  return (
    <Dialog
      open={token !== null}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby={titleId}
      // The content (and the secret with it) unmounts on close; no fade of an empty paper.
      transitionDuration={{ exit: 0 }}
    >
      {token !== null && (
        <RevealContent
          key={token.key}
          titleId={titleId}
          token={token}
          account={account}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function RevealContent({
  titleId,
  token,
  account,
  onClose,
}: {
  titleId: string;
  token: TokenView;
  account: Account | undefined;
  onClose: () => void;
}) {
  const { secret, pending, error, reveal, hide } = useRevealedSecret(token);
  const owner = accountTextOf(token, account);
  const copier = useCopySecret();
  const problem = error ?? copier.error;

  return (
    <>
      <DialogTitle id={titleId}>Secret of {token.name}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {owner.primary} · {owner.secondary}. Anyone who sees this secret can use the token, so it
          stays hidden until you press Reveal, and hides again after a minute.
        </DialogContentText>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField
            label="Secret"
            size="small"
            fullWidth
            value={secret ?? MASK}
            slotProps={{
              htmlInput: {
                readOnly: true,
                spellCheck: false,
                'aria-description':
                  secret === null
                    ? 'Hidden. Press Reveal to show it.'
                    : 'Shown. Press Hide to hide it.',
                style: { fontFamily: MONO_FONT },
              },
            }}
            onFocus={(event) => {
              if (secret !== null) event.target.select();
            }}
          />
          {/* One button that toggles, so keyboard focus stays on it. */}
          <Button
            variant={secret === null ? 'contained' : 'outlined'}
            startIcon={secret === null ? <VisibilityOutlined /> : <VisibilityOffOutlined />}
            loading={pending}
            loadingPosition="start"
            onClick={() => {
              if (secret === null) void reveal();
              else hide();
            }}
            sx={{ height: 40, minWidth: 96, flexShrink: 0 }}
          >
            {secret === null ? 'Reveal' : 'Hide'}
          </Button>
          {/* Copies from the vault in the main process: no need to reveal it first. */}
          <Button
            variant="outlined"
            startIcon={<ContentCopyRounded />}
            loading={copier.copying}
            loadingPosition="start"
            onClick={() => {
              void copier.copy(token);
            }}
            sx={{ height: 40, flexShrink: 0 }}
          >
            Copy
          </Button>
        </Box>
        {problem !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </>
  );
}
