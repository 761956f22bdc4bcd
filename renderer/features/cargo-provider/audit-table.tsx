import Box from '@mui/material/Box';
import type { CSSObject, Theme } from '@mui/material/styles';
import { memo, useRef } from 'react';
import type { ProviderAuditEntry } from '../../../shared/domain/cargo-provider';
import { MONO_FONT } from '../../components/fonts';
import { HoverHints } from '../../components/hover-hints';
import { TONES, toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';
import { formatAge, formatDateTime } from '../tokens/token-format';
import { crateTextOf, OPERATION_LABEL, OUTCOME_TEXT } from './provider-text';

export interface AuditTableProps {
  readonly entries: readonly ProviderAuditEntry[];
  readonly now: Date;
}

/**
 * The audit as a plain table: up to 500 rows of plain elements styled from
 * one place (no MUI component per cell), in a scrolling region the keyboard
 * can reach. The exact time (and a long registry URL) shows on hover; the
 * exact time is read after the relative one.
 */
export function AuditTable({ entries, now }: AuditTableProps) {
  const regionRef = useRef<HTMLDivElement>(null);
  return (
    <Box
      ref={regionRef}
      role="region"
      aria-label="Requests from cargo"
      tabIndex={0}
      sx={auditStyles}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Request</th>
            <th scope="col">Token</th>
            <th scope="col">Outcome</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} now={now} />
          ))}
        </tbody>
      </table>
      <HoverHints containerRef={regionRef} />
    </Box>
  );
}

const AuditRow = memo(function AuditRow({ entry, now }: { entry: ProviderAuditEntry; now: Date }) {
  const outcome = OUTCOME_TEXT[entry.outcome];
  const exact = formatDateTime(entry.at);
  return (
    <tr>
      <td className="ck-audit-when">
        <time dateTime={entry.at} data-hint={exact}>
          {formatAge(entry.at, now)}
        </time>
        <span className="ck-audit-hidden">, {exact}</span>
      </td>
      <td>
        {OPERATION_LABEL[entry.operation]}{' '}
        <span className="ck-audit-mono">{crateTextOf(entry.crate, entry.version) ?? ''}</span>
        <span className="ck-audit-registry" data-hint={entry.registry}>
          <span className="ck-audit-hidden">on </span>
          {entry.registry}
        </span>
      </td>
      <td>{entry.tokenName ?? '—'}</td>
      <td>
        <span className={`ck-audit-outcome ck-tone-${outcome.tone}`}>{outcome.label}</span>
      </td>
      <td className="ck-audit-reason">{entry.reason}</td>
    </tr>
  );
});

function auditStyles(theme: Theme): CSSObject {
  const { palette } = theme;
  const tones = Object.fromEntries(
    TONES.map((tone) => {
      const colors = toneColors(tone, palette.mode);
      return [
        `& .ck-tone-${tone}`,
        { color: colors.text, backgroundColor: colors.background, borderColor: colors.border },
      ];
    }),
  );
  return {
    maxHeight: 420,
    overflow: 'auto',
    border: `1px solid ${palette.divider}`,
    borderRadius: 2,
    '&:focus-visible': { outline: `2px solid ${palette.primary.main}`, outlineOffset: 2 },
    '& table': { width: '100%', borderCollapse: 'collapse', fontSize: 13, lineHeight: 1.45 },
    '& th': {
      position: 'sticky',
      top: 0,
      zIndex: 1,
      textAlign: 'left',
      fontWeight: 600,
      color: palette.text.secondary,
      backgroundColor: palette.background.paper,
      borderBottom: `1px solid ${palette.divider}`,
      padding: '8px 10px',
      whiteSpace: 'nowrap',
    },
    '& td': {
      padding: '6px 10px',
      verticalAlign: 'top',
      borderBottom: `1px solid ${palette.divider}`,
    },
    '& tbody tr:last-of-type td': { borderBottom: 'none' },
    '& .ck-audit-when': { whiteSpace: 'nowrap' },
    // Names and versions are read whole: never broken mid-name (the region scrolls sideways instead).
    '& .ck-audit-mono': { fontFamily: MONO_FONT, fontSize: 12.5, whiteSpace: 'nowrap' },
    // An unknown registry arrives as its index URL: cut short, whole on hover.
    '& .ck-audit-registry': {
      display: 'block',
      maxWidth: 200,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
      fontFamily: MONO_FONT,
      fontSize: 12,
      color: palette.text.secondary,
    },
    '& .ck-audit-reason': { color: palette.text.secondary, minWidth: 180 },
    '& .ck-audit-hidden': visuallyHidden,
    '& .ck-audit-outcome': {
      display: 'inline-block',
      padding: '0 8px',
      border: '1px solid',
      borderRadius: 10,
      fontWeight: 600,
      whiteSpace: 'nowrap',
    },
    ...tones,
  };
}
