import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';

/**
 * The Crates nav item's accessible description: "7 risk findings"; none when
 * there is nothing to count. Its name stays "Crates", as every nav item's is
 * its label, so the count is heard after the name and never changes it.
 */
export function riskNavDescription(count: number | null): string | undefined {
  if (count === null || count === 0) return undefined;
  return count === 1 ? '1 risk finding' : `${String(count)} risk findings`;
}

/** The id of the hidden text that describes the Crates nav item. */
export const RISK_COUNT_DESCRIPTION_ID = 'crates-nav-risk-count';

/**
 * The number of risk findings, drawn on the top right of the nav item's
 * icon. The digits are hidden from screen readers, which get the words as
 * the item's description (`riskNavDescription`). Placed inside the nav button,
 * which is the positioned box. The warning tone's text colour as background
 * keeps the digits at AA in both modes (MUI's warning badge is about 3:1).
 */
export function RiskCountBadge({ count }: { readonly count: number | null }) {
  const { palette } = useTheme();
  const colors = toneColors('warning', palette.mode);
  const description = riskNavDescription(count);
  return (
    <>
      {description !== undefined && (
        // aria-hidden keeps the words out of the button's name; aria-describedby still reads them.
        <Box component="span" id={RISK_COUNT_DESCRIPTION_ID} aria-hidden sx={visuallyHidden}>
          {description}
        </Box>
      )}
      <Badge
        badgeContent={count ?? 0}
        invisible={count === null || count === 0}
        max={99}
        slotProps={{ badge: { 'aria-hidden': true } }}
        sx={{
          // A zero-size anchor at the icon's top right corner (icon: 52 px wide, 30 px high, from 6 px down).
          position: 'absolute',
          top: 10,
          left: 'calc(50% + 18px)',
          '& .MuiBadge-badge': {
            bgcolor: colors.text,
            color: palette.background.paper,
            fontWeight: 700,
            fontSize: '0.6875rem',
            minWidth: 18,
            height: 18,
            px: 0.5,
          },
        }}
      />
    </>
  );
}
