import Badge from '@mui/material/Badge';
import { useTheme } from '@mui/material/styles';
import { toneColors } from '../../components/tone';
import { riskBadgeText } from './risk-audit-text';

/**
 * The Crates nav item's accessible name with its badge: "Crates, 7 risk
 * findings"; the label alone when there is nothing to count.
 */
export function riskNavLabel(label: string, count: number | null): string | undefined {
  return count === null || count === 0 ? undefined : `${label}, ${riskBadgeText(count)}`;
}

/**
 * The number of risk findings, drawn on the top right of the nav item's
 * icon. It comes after the label in the document, so what is on screen
 * ("Crates 7") reads in the order of the item's name ("Crates, 7 risk
 * findings", `riskNavLabel`, WCAG 2.5.3); the digits themselves are hidden
 * from screen readers, which get the words. Placed inside the nav button,
 * which is the positioned box. The warning tone's text colour as background
 * keeps the digits at AA in both modes (MUI's warning badge is about 3:1).
 */
export function RiskCountBadge({ count }: { readonly count: number | null }) {
  const { palette } = useTheme();
  const colors = toneColors('warning', palette.mode);
  return (
    <>
      {/* Keeps "Crates" and the digits two words for tools that read the text on screen (axe). */}{' '}
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
