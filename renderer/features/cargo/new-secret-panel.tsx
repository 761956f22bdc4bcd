import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineRounded from '@mui/icons-material/CheckCircleOutlineRounded';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import TerminalRounded from '@mui/icons-material/TerminalRounded';
import VisibilityOutlined from '@mui/icons-material/VisibilityOutlined';
import { useState, type ReactNode } from 'react';
import type { Account } from '../../../shared/domain/account';
import type { TokenView } from '../../../shared/domain/token';
import { RevealSecretDialog } from '../tokens/reveal-secret-dialog';
import { useCopySecret } from '../tokens/use-copy-secret';
import { CiUsageHelp } from './ci-usage-help';
import { useCargo } from './cargo-context';
import { registryTextOf } from './registry-text';
import { UseWithCargoDialog } from './use-with-cargo-dialog';

export interface NewSecretPanelProps {
  /** The token just made (by Create or Rotate); its secret is held. */
  readonly token: TokenView;
  readonly account: Account | undefined;
  /** Buttons after the panel's own (Done, say). */
  readonly children?: ReactNode;
}

/**
 * What to do with a new token's secret, after Create and after Rotate: show
 * it (only on request), copy it (from the main process, cleared later), hand
 * it to cargo, and how to use it in CI.
 */
export function NewSecretPanel({ token, account, children }: NewSecretPanelProps) {
  const { copy, copying, error } = useCopySecret();
  const cargo = useCargo();
  const [showing, setShowing] = useState(false);
  const [usingCargo, setUsingCargo] = useState(false);
  // Where no list is on screen (the New token page) the write's answer is all there is.
  const [writtenFor, setWrittenFor] = useState<string | null>(null);
  const usedFor = cargo?.uses.byTokenKey.get(token.key)?.registry ?? writtenFor;

  return (
    <Stack spacing={2.5}>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ flexWrap: 'wrap', alignItems: 'center' }}
      >
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
        <Button
          variant="outlined"
          startIcon={<TerminalRounded />}
          onClick={() => {
            setUsingCargo(true);
          }}
        >
          Use with cargo
        </Button>
        {children}
      </Stack>
      {usedFor !== null && (
        <Typography
          variant="body2"
          role="status"
          sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'success.main' }}
        >
          <CheckCircleOutlineRounded fontSize="small" aria-hidden />
          cargo uses this token for {registryTextOf(usedFor)}.
        </Typography>
      )}
      {error !== null && (
        <Alert severity="error" variant="outlined">
          {error}
        </Alert>
      )}
      <Divider />
      <CiUsageHelp token={token} />
      <RevealSecretDialog
        token={showing ? token : null}
        account={account}
        onClose={() => {
          setShowing(false);
        }}
      />
      <UseWithCargoDialog
        token={usingCargo ? token : null}
        onWritten={(status) => {
          cargo?.apply(status);
          setWrittenFor(
            status.registries.find((use) => use.tokenKey === token.key)?.registry ??
              token.registryName,
          );
        }}
        onClose={() => {
          setUsingCargo(false);
        }}
      />
    </Stack>
  );
}
