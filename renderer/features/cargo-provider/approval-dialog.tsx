import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { APPROVAL_TIMEOUT_MS, type ApprovalRequest } from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { useNotice } from '../../components/notice';
import { useNow } from '../../hooks/use-now';
import { approvalTitleOf, secondsLeft } from './provider-text';

export interface ApprovalDialogProps {
  /** The request to ask about; null = closed. */
  readonly request: ApprovalRequest | null;
  /** How many more wait after this one. */
  readonly waitingAfter: number;
  readonly onAnswered: (id: string) => void;
}

/**
 * "cargo wants to publish quill 1.2.0 to crates-io": Allow or Deny, with the
 * token that would be used and the time left before cargo is refused anyway.
 * Escape denies: closing without an answer would leave cargo waiting.
 */
export function ApprovalDialog({ request, waitingAfter, onAnswered }: ApprovalDialogProps) {
  const titleId = useId();
  const textId = useId();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(request);
  if (request !== null && request !== shown) setShown(request);
  return (
    <Dialog
      open={request !== null}
      maxWidth="xs"
      fullWidth
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      {shown !== null && (
        <ApprovalContent
          // A new request starts with its own error and buttons.
          key={shown.id}
          request={shown}
          live={request !== null}
          titleId={titleId}
          textId={textId}
          waitingAfter={waitingAfter}
          onAnswered={onAnswered}
        />
      )}
    </Dialog>
  );
}

interface ApprovalContentProps {
  readonly request: ApprovalRequest;
  /** False while the dialog fades out: the buttons no longer answer. */
  readonly live: boolean;
  readonly titleId: string;
  readonly textId: string;
  readonly waitingAfter: number;
  readonly onAnswered: (id: string) => void;
}

function ApprovalContent(props: ApprovalContentProps) {
  const { request, live, titleId, textId, waitingAfter, onAnswered } = props;
  const invoke = useInvoke();
  const notify = useNotice();
  const now = useNow(1_000);
  const [pending, setPending] = useState<'allow' | 'deny' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const left = secondsLeft(request.deadline, now.getTime());
  const title = approvalTitleOf(request);

  const answer = async (allow: boolean) => {
    if (pending !== null || !live) return;
    setPending(allow ? 'allow' : 'deny');
    setError(null);
    const result = await invoke('provider:approve', { id: request.id, allow });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onAnswered(request.id);
    notify(allow ? `Allowed: cargo got “${request.tokenName}”.` : 'Denied: cargo was refused.');
  };

  return (
    <Box
      onKeyDown={(event) => {
        if (event.key === 'Escape') void answer(false);
      }}
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={textId} component="div">
          Cratekeeper would hand cargo the token <strong>“{request.tokenName}”</strong>. Allow it
          only if you started this yourself.
        </DialogContentText>
        <Typography variant="body2" sx={{ mt: 2, mb: 0.75 }}>
          {left > 0
            ? `cargo is refused in ${String(left)} s unless you answer.`
            : 'Timed out: cargo was refused.'}
        </Typography>
        <LinearProgress
          variant="determinate"
          aria-label="Time left to answer"
          value={Math.min(100, (left * 1000 * 100) / APPROVAL_TIMEOUT_MS)}
        />
        {waitingAfter > 0 && (
          <Typography variant="body2" sx={{ mt: 1.5, color: 'text.secondary' }}>
            {waitingAfter === 1
              ? 'One more request waits after this one.'
              : `${String(waitingAfter)} more requests wait after this one.`}
          </Typography>
        )}
        {error !== null && (
          <Alert severity="error" variant="outlined" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button
          // The safe answer has the focus: Enter by reflex must not publish.
          autoFocus
          disabled={pending === 'allow' || left === 0}
          loading={pending === 'deny'}
          onClick={() => {
            void answer(false);
          }}
        >
          Deny
        </Button>
        <Button
          variant="contained"
          disabled={pending === 'deny' || left === 0}
          loading={pending === 'allow'}
          onClick={() => {
            void answer(true);
          }}
        >
          Allow
        </Button>
      </DialogActions>
    </Box>
  );
}
