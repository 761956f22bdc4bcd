import Badge from '@mui/material/Badge';
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';
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
 * The number of risk findings on the Crates icon. The digits are hidden from
 * screen readers: the nav item's name says them in words (`riskNavLabel`).
 * The warning tone's text colour as background keeps the digits at AA in
 * both modes (MUI's warning badge is about 3:1).
 */
export function RiskCountBadge({
  count,
  children,
}: {
  readonly count: number | null;
  readonly children: ReactNode;
}) {
  const { palette } = useTheme();
  const colors = toneColors('warning', palette.mode);
  return (
    <Badge
      badgeContent={count ?? 0}
      invisible={count === null || count === 0}
      max={99}
      slotProps={{ badge: { 'aria-hidden': true } }}
      sx={{
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
    >
      {children}
    </Badge>
  );
}
