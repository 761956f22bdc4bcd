import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useMemo, useState } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import { retireCandidates } from '../../../shared/domain/retire-tokens';
import type { TokenView } from '../../../shared/domain/token';
import { retireButtonName, retireNoticeText } from './retire-text';
import { markRiskCountStale } from './risk-count-store';
import { RetireTokensDialog } from './retire-tokens-dialog';

export interface RetireTokensPanelProps {
  readonly crate: CrateView;
  readonly crates: readonly CrateView[];
  readonly tokens: readonly TokenView[];
  /** Tokens were revoked: fetch tokens and crates again. */
  readonly onRetired: () => void;
}

/**
 * In a crate's trusted-publishing area, once it has a configuration: the
 * long-lived tokens whose only job was publishing it (retire-tokens.ts), and
 * one button to revoke them all after one confirmation. Renders nothing
 * when there are none.
 */
export function RetireTokensPanel({ crate, crates, tokens, onRetired }: RetireTokensPanelProps) {
  const candidates = useMemo(
    () => retireCandidates(crate, crates, tokens),
    [crate, crates, tokens],
  );
  // The dialog lists what was offered when it opened: a refresh meanwhile must not change it.
  const [offered, setOffered] = useState<readonly TokenView[]>([]);
  const [open, setOpen] = useState(false);

  if (candidates.length === 0 && !open) return null;
  return (
    <>
      {candidates.length > 0 && (
        // The button under the words, not in the alert's action slot: the
        // trusted-publishing column is narrow and the button's name is long.
        <Alert severity="info" variant="outlined" sx={{ '& .MuiAlert-message': { minWidth: 0 } }}>
          {retireNoticeText(crate, crates, candidates)}
          <Box sx={{ mt: 1 }}>
            <Button
              variant="outlined"
              color="error"
              size="small"
              sx={{ textAlign: 'left' }}
              onClick={() => {
                setOffered(candidates);
                setOpen(true);
              }}
            >
              {retireButtonName(crate.name)}
            </Button>
          </Box>
        </Alert>
      )}
      <RetireTokensDialog
        open={open}
        crateName={crate.name}
        tokens={offered}
        onClose={(retiredAny) => {
          setOpen(false);
          if (retiredAny) {
            markRiskCountStale();
            onRetired();
          }
        }}
      />
    </>
  );
}
