import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import TerminalRounded from '@mui/icons-material/TerminalRounded';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { useEffect, useId, useRef, useState } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { RevealSecretDialog } from '../tokens/reveal-secret-dialog';
import { useCopySecret } from '../tokens/use-copy-secret';

export interface CreatedPanelProps {
  readonly token: TokenView;
  readonly account: Account | undefined;
  readonly onDone: () => void;
}

/**
 * After creation: the token exists and its secret is already encrypted in
 * Cratekeeper. The secret stays hidden: it is shown (`tokens:reveal`) only
 * when the user asks, and Copy puts it on the clipboard from the main process
 * without showing it (`tokens:copy`).
 */
export function CreatedPanel({ token, account, onDone }: CreatedPanelProps) {
  const { copy, copying, error } = useCopySecret();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [showing, setShowing] = useState(false);

  // The form is gone: keyboard and screen-reader users land on the outcome.
  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 760 }} component="section" aria-labelledby={titleId}>
      <Alert severity="success" variant="outlined">
        <AlertTitle>
          <Typography
            id={titleId}
            ref={titleRef}
            tabIndex={-1}
            component="h2"
            variant="subtitle1"
            sx={{ fontWeight: 600, outline: 'none' }}
          >
            Token “{token.name}” created
          </Typography>
        </AlertTitle>
        Its secret is stored encrypted in Cratekeeper. It stays hidden until you ask to see or copy
        it.
      </Alert>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<VisibilityOutlined />}
          onClick={() => {
            setShowing(true);
          }}
        >
          Show secret
        </Button>
        <Button
          variant="outlined"
          startIcon={<ContentCopyRounded />}
          loading={copying}
          loadingPosition="start"
          onClick={() => {
            void copy(token);
          }}
        >
          Copy
        </Button>
        <Tooltip title="Coming with cargo integration" describeChild>
          {/* aria-disabled, not disabled: it stays focusable so the tooltip can say why. */}
          <Button
            variant="outlined"
            startIcon={<TerminalRounded />}
            aria-disabled="true"
            className="Mui-disabled"
            disableRipple
          >
            Use with cargo
          </Button>
        </Tooltip>
        <Button variant="contained" onClick={onDone}>
          Done
        </Button>
      </Stack>
      {error !== null && (
        <Alert severity="error" variant="outlined">
          {error}
        </Alert>
      )}
      <RevealSecretDialog
        token={showing ? token : null}
        account={account}
        onClose={() => {
          setShowing(false);
        }}
      />
    </Stack>
  );
}
