import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useId, useMemo, useState } from 'react';
import { toneColors, type Tone } from '../../components/tone';
import { findingCountText, type RiskGroup, type RiskSeverity } from './risk-audit-text';
import { RiskFindingItem } from './risk-finding-item';
import { fixActionsOf, type RiskFixAction, type RiskSubjects } from './risk-fixes';

/** Findings a group shows before "Show all": enough to act on, short enough to see every group. */
export const FINDINGS_SHOWN_COLLAPSED = 3;

/** How many more each "Show more" adds: thousands of rows with buttons at once would stall the page. */
export const FINDINGS_PAGE = 100;

/** The "show more" button's words, or null when every finding is shown. */
export function showMoreText(shown: number, total: number): string | null {
  const remaining = total - shown;
  if (remaining <= 0) return null;
  if (remaining <= FINDINGS_PAGE) return `Show all ${String(total)}`;
  return `Show ${String(FINDINGS_PAGE)} more (${String(remaining)} not shown)`;
}

const SEVERITY_TONE: Readonly<Record<RiskSeverity, Tone>> = {
  high: 'danger',
  medium: 'warning',
  low: 'neutral',
};

const SEVERITY_WORD: Readonly<Record<RiskSeverity, string>> = {
  high: 'High risk',
  medium: 'Medium risk',
  low: 'Low risk',
};

function SeverityChip({ severity }: { readonly severity: RiskSeverity }) {
  const { palette } = useTheme();
  const colors = toneColors(SEVERITY_TONE[severity], palette.mode);
  return (
    <Box
      component="span"
      sx={{
        px: 1,
        borderRadius: 4,
        border: `1px solid ${colors.border}`,
        backgroundColor: colors.background,
        color: colors.text,
        fontSize: '0.75rem',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
    >
      {SEVERITY_WORD[severity]}
    </Box>
  );
}

export interface RiskGroupBlockProps {
  readonly group: RiskGroup;
  readonly subjects: RiskSubjects;
  readonly onFix: (action: RiskFixAction) => void;
}

/**
 * One kind of finding: its heading, severity and count, then the findings;
 * a long group shows its first few until "Show all" (thousands of
 * never-expiring tokens must not bury the other kinds).
 */
export function RiskGroupBlock({ group, subjects, onFix }: RiskGroupBlockProps) {
  const headingId = useId();
  const listId = useId();
  const [limit, setLimit] = useState(FINDINGS_SHOWN_COLLAPSED);
  const total = group.findings.length;
  const items = useMemo(
    () =>
      group.findings
        .slice(0, limit)
        .map((finding) => ({ finding, actions: fixActionsOf(finding, subjects) })),
    [group.findings, limit, subjects],
  );
  const more = showMoreText(items.length, total);
  const expanded = limit > FINDINGS_SHOWN_COLLAPSED;

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          flexWrap: 'wrap',
          gap: 1,
          px: 2,
          py: 1,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography id={headingId} variant="subtitle2" component="h3" sx={{ fontWeight: 650 }}>
          {group.title}
        </Typography>
        <SeverityChip severity={group.severity} />
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {findingCountText(total)}
        </Typography>
      </Box>
      <Box
        id={listId}
        component="ul"
        aria-labelledby={headingId}
        sx={{ m: 0, p: 0, listStyle: 'none' }}
      >
        {items.map(({ finding, actions }) => (
          <RiskFindingItem key={finding.id} finding={finding} actions={actions} onFix={onFix} />
        ))}
      </Box>
      {(more !== null || expanded) && (
        <Box sx={{ display: 'flex', gap: 1, px: 1, py: 0.5, borderTop: 1, borderColor: 'divider' }}>
          {more !== null && (
            <Button
              size="small"
              aria-controls={listId}
              onClick={() => {
                setLimit((value) => value + FINDINGS_PAGE);
              }}
            >
              {more}
            </Button>
          )}
          {expanded && (
            <Button
              size="small"
              aria-controls={listId}
              onClick={() => {
                setLimit(FINDINGS_SHOWN_COLLAPSED);
              }}
            >
              Show fewer
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
