import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { RiskFinding } from '../../../shared/domain/risk-audit';
import { MessageText } from '../new-token/message-text';
import { fixAccessibleName, fixVisibleLabel, type RiskFixAction } from './risk-fixes';

export interface RiskFindingItemProps {
  readonly finding: RiskFinding;
  readonly actions: readonly RiskFixAction[];
  readonly onFix: (action: RiskFixAction) => void;
}

const ITEM_SX = {
  display: 'flex',
  alignItems: 'flex-start',
  flexWrap: 'wrap',
  columnGap: 2,
  rowGap: 1,
  py: 1.25,
  px: 2,
  '& + &': { borderTop: 1, borderColor: 'divider' },
} as const;

const ACTIONS_SX = {
  display: 'flex',
  flexWrap: 'wrap',
  justifyContent: 'flex-end',
  gap: 1,
  ml: 'auto',
} as const;

/**
 * One finding: what is wrong and why it matters, with its fixes beside it
 * (the recommended one first and filled). Each button's accessible name says
 * what it does to which token or crate.
 */
export const RiskFindingItem = memo(function RiskFindingItem({
  finding,
  actions,
  onFix,
}: RiskFindingItemProps) {
  return (
    <Box component="li" sx={ITEM_SX}>
      <Box sx={{ flex: '1 1 380px', minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
          <MessageText message={finding.title} />
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
          <MessageText message={finding.detail} />
        </Typography>
      </Box>
      {actions.length > 0 && (
        <Box sx={ACTIONS_SX}>
          {actions.map((action, index) => (
            <Button
              key={`${action.kind}:${action.kind === 'set-up-trusted-publishing' ? action.crate.key : action.token.key}`}
              size="small"
              // The recommended fix is filled, unless it revokes: nothing destructive invites a click.
              variant={index === 0 && action.kind !== 'revoke' ? 'contained' : 'outlined'}
              color={action.kind === 'revoke' ? 'error' : 'primary'}
              aria-label={fixAccessibleName(action)}
              onClick={() => {
                onFix(action);
              }}
              sx={{ whiteSpace: 'nowrap' }}
            >
              {fixVisibleLabel(action, finding)}
            </Button>
          ))}
        </Box>
      )}
    </Box>
  );
});
