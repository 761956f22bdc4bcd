import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import {
  RISK_COUNT_DESCRIPTION_ID,
  RiskCountBadge,
  riskNavDescription,
} from '../features/crate-audit/risk-count-badge';
import { CRATES_SECTION_ID } from '../features/crate-audit/risk-count-store';
import { useRiskCount } from '../features/crate-audit/use-risk-count';
import type { Section } from './sections';

export interface SideNavProps {
  readonly sections: readonly Section[];
  readonly current: string;
  readonly onSelect: (id: string) => void;
}

/**
 * The app's main navigation: a narrow rail of sections on the left, so the
 * wide token table keeps the room it needs.
 */
export function SideNav({ sections, current, onSelect }: SideNavProps) {
  // The risk audit's findings, counted on the Crates item from every page.
  const riskCount = useRiskCount(current);
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{
        width: 84,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        pt: 1.5,
      }}
    >
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
        {sections.map((section) => {
          const selected = section.id === current;
          const risks = section.id === CRATES_SECTION_ID ? riskCount : null;
          return (
            <li key={section.id}>
              <ButtonBase
                aria-current={selected ? 'page' : undefined}
                aria-describedby={
                  riskNavDescription(risks) === undefined ? undefined : RISK_COUNT_DESCRIPTION_ID
                }
                onClick={() => {
                  onSelect(section.id);
                }}
                // Hover or focus usually comes just before a click: load a lazy page's code now.
                onPointerEnter={section.preload}
                onFocus={section.preload}
                sx={{
                  width: '100%',
                  py: 0.75,
                  flexDirection: 'column',
                  gap: 0.5,
                  borderRadius: 2,
                  '&.Mui-focusVisible .rail-icon': { outline: 2, outlineColor: 'primary.main' },
                  '&:hover .rail-icon': { bgcolor: selected ? undefined : 'action.hover' },
                }}
              >
                <Box
                  className="rail-icon"
                  sx={{
                    display: 'grid',
                    placeItems: 'center',
                    width: 52,
                    height: 30,
                    borderRadius: 4,
                    color: selected ? 'primary.main' : 'text.secondary',
                    bgcolor: selected ? 'action.selected' : undefined,
                  }}
                >
                  {section.icon}
                </Box>
                <Typography
                  variant="caption"
                  sx={{
                    fontWeight: selected ? 700 : 500,
                    color: selected ? 'text.primary' : 'text.secondary',
                  }}
                >
                  {section.label}
                </Typography>
                {risks !== null && <RiskCountBadge count={risks} />}
              </ButtonBase>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}
