import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { NewSecretPanel } from '../cargo/new-secret-panel';

export interface CreatedPanelProps {
  readonly token: TokenView;
  readonly account: Account | undefined;
  readonly onDone: () => void;
}

/**
 * After creation: the token exists and its secret is already encrypted in
 * Cratekeeper. The secret stays hidden: it is shown (`tokens:reveal`) only
 * when the user asks, and Copy puts it on the clipboard from the main process
 * without showing it (`tokens:copy`). "Use with cargo" and the CI help follow,
 * as crates.io shows after creating a token.
 */
export function CreatedPanel({ token, account, onDone }: CreatedPanelProps) {
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);

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
      <NewSecretPanel token={token} account={account}>
        <Button variant="contained" onClick={onDone}>
          Done
        </Button>
      </NewSecretPanel>
    </Stack>
  );
}
