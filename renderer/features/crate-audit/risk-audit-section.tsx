import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleOutlineRounded from '@mui/icons-material/CheckCircleOutlineRounded';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import { auditRisks } from '../../../shared/domain/risk-audit';
import type { TokenView } from '../../../shared/domain/token';
import { useNow } from '../../hooks/use-now';
import { openNewToken } from '../new-token/new-token-route';
import { MessageText } from '../new-token/message-text';
import { narrowerSource } from './narrower-source';
import { checkedText, findingCountText, groupFindings, type AuditScope } from './risk-audit-text';
import { markRiskCountStale, publishRiskCount } from './risk-count-store';
import { riskSubjectsOf, type RiskFixAction } from './risk-fixes';
import { RiskGroupBlock } from './risk-group';
import { RevokeRiskDialog } from './revoke-risk-dialog';

export interface RiskAuditSectionProps {
  readonly crates: readonly CrateView[];
  readonly tokens: readonly TokenView[];
  /** Opens the Crates page's set-up dialog for this crate. */
  readonly onSetUpTrustedPublishing: (crateKey: string) => void;
  /** A fix changed tokens or crates: fetch them again. */
  readonly onChanged: () => void;
}

/** The audit's "now" moves hourly: its thresholds are whole days, and 5,000 tokens need not be audited every 30 s. */
const AUDIT_CLOCK_MS = 60 * 60_000;

function scopeOf(tokens: readonly TokenView[], crates: readonly CrateView[]): AuditScope {
  const imported = tokens.filter((token) => token.source === 'imported').length;
  return {
    tokens: tokens.length - imported,
    crates: crates.length,
    importedTokens: imported,
    unreadCrates: crates
      .filter((crate) => crate.trustedPublishing === null)
      .map((crate) => crate.name),
  };
}

/**
 * The Crates page's "Risk audit": every finding of the audit, grouped by
 * kind, most serious first, each with its fixes one click away: Regenerate
 * narrower (the builder, filled in from the token with narrower defaults),
 * Revoke (after a confirmation) and Set up trusted publishing (the page's
 * dialog). Its count is the navigation's badge.
 */
export function RiskAuditSection({
  crates,
  tokens,
  onSetUpTrustedPublishing,
  onChanged,
}: RiskAuditSectionProps) {
  const titleId = useId();
  const now = useNow(AUDIT_CLOCK_MS);
  const findings = useMemo(() => auditRisks({ tokens, crates, now }), [tokens, crates, now]);
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const subjects = useMemo(() => riskSubjectsOf(tokens, crates), [tokens, crates]);
  const scope = useMemo(() => scopeOf(tokens, crates), [tokens, crates]);
  const [revoking, setRevoking] = useState<TokenView | null>(null);
  // Folded, the page's crates come up to the top; the heading and count stay.
  const [folded, setFolded] = useState(false);
  const bodyId = useId();

  // The badge says what this page shows.
  useEffect(() => {
    publishRiskCount(findings.length);
  }, [findings]);

  const onFix = useCallback(
    (action: RiskFixAction) => {
      switch (action.kind) {
        case 'regenerate-narrower':
          openNewToken(narrowerSource(action.token, crates));
          return;
        case 'revoke':
          setRevoking(action.token);
          return;
        case 'set-up-trusted-publishing':
          onSetUpTrustedPublishing(action.crate.key);
          return;
      }
    },
    [crates, onSetUpTrustedPublishing],
  );

  return (
    <Box component="section" aria-labelledby={titleId}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 0.5 }}>
        <Typography id={titleId} variant="h6" component="h2">
          Risk audit
        </Typography>
        {findings.length > 0 && (
          <>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {findingCountText(findings.length)}, most serious first
            </Typography>
            <Button
              size="small"
              aria-expanded={!folded}
              aria-controls={bodyId}
              onClick={() => {
                setFolded((value) => !value);
              }}
              sx={{ ml: 'auto' }}
            >
              {folded ? 'Show findings' : 'Hide findings'}
            </Button>
          </>
        )}
      </Box>
      {findings.length === 0 ? (
        <Box
          sx={{
            display: 'flex',
            gap: 1.5,
            alignItems: 'flex-start',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
            p: 2,
          }}
        >
          <CheckCircleOutlineRounded aria-hidden sx={{ color: 'success.main', mt: 0.25 }} />
          <Box>
            <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 650 }}>
              No risks found
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              <MessageText message={checkedText(scope)} />
            </Typography>
          </Box>
        </Box>
      ) : (
        <Stack id={bodyId} spacing={1.5} sx={{ display: folded ? 'none' : undefined }}>
          <Typography variant="body2" sx={{ color: 'text.secondary', maxWidth: 760 }}>
            <MessageText message={checkedText(scope, false)} />
          </Typography>
          {groups.map((group) => (
            <RiskGroupBlock key={group.kind} group={group} subjects={subjects} onFix={onFix} />
          ))}
        </Stack>
      )}
      <RevokeRiskDialog
        token={revoking}
        crates={crates}
        onRevoked={() => {
          markRiskCountStale();
          onChanged();
        }}
        onClose={() => {
          setRevoking(null);
        }}
      />
    </Box>
  );
}
