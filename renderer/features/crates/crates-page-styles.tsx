import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, type CSSObject, type Theme } from '@mui/material/styles';
import { memo } from 'react';
import { MONO_FONT } from '../../components/fonts';
import { TONES, toneColors } from '../../components/tone';
import { visuallyHidden } from '../../components/visually-hidden';

/** The list of crates; each crate and its parts are plain elements styled by class from here. */
export const CRATE_LIST_CLASS = 'ck-crate-list';
/** Hidden on screen, read by screen readers (inside the list). */
export const VISUALLY_HIDDEN_CLASS = 'vh';

/**
 * The page's styles, one style sheet per theme. A crate is plain elements
 * with class names, not `sx` props: with hundreds of crates on the page,
 * emotion would serialise every `sx` again on each render (a search keystroke
 * renders the list). Class names are local to the list.
 */
export const CratesPageStyles = memo(function CratesPageStyles() {
  return <GlobalStyles styles={crateListStyles} />;
});

function crateListStyles(theme: Theme): CSSObject {
  const { palette, shape, typography } = theme;
  const radius = Number(shape.borderRadius);
  const tones = Object.fromEntries(
    TONES.map((tone) => {
      const colors = toneColors(tone, palette.mode);
      return [
        `& .chip--${tone}`,
        { color: colors.text, backgroundColor: colors.background, borderColor: colors.border },
      ];
    }),
  );
  const muted = { color: palette.text.secondary } as const;
  return {
    [`.${CRATE_LIST_CLASS}`]: {
      margin: 0,
      padding: 0,
      listStyle: 'none',
      display: 'flex',
      flexDirection: 'column',
      gap: 12,
      ...tones,
      [`& .${VISUALLY_HIDDEN_CLASS}`]: visuallyHidden,
      '& .crate': {
        border: `1px solid ${palette.divider}`,
        borderRadius: radius * 2,
        backgroundColor: palette.background.paper,
        // Off-screen crates are neither laid out nor painted until scrolled to.
        contentVisibility: 'auto',
        containIntrinsicSize: 'auto 280px',
      },
      '& .crate-head': {
        display: 'flex',
        alignItems: 'flex-start',
        gap: 16,
        padding: '12px 16px 10px',
        borderBottom: `1px solid ${palette.divider}`,
      },
      '& .crate-title': { flex: 1, minWidth: 0 },
      '& .crate-title-line': {
        display: 'flex',
        alignItems: 'center',
        flexWrap: 'wrap',
        gap: 8,
      },
      '& .crate-name': {
        margin: 0,
        fontFamily: MONO_FONT,
        fontSize: '1rem',
        fontWeight: 650,
        overflowWrap: 'anywhere',
      },
      '& .crate-description': {
        margin: '2px 0 0',
        ...muted,
        fontSize: typography.body2.fontSize,
      },
      '& .crate-meta': {
        margin: '4px 0 0',
        ...muted,
        fontSize: '0.8125rem',
        overflowWrap: 'anywhere',
      },
      '& .owners': {
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-end',
        gap: 4,
        flexShrink: 0,
        maxWidth: 220,
      },
      '& .owners-label': { ...muted, fontSize: '0.75rem' },
      '& .owners-list': {
        margin: 0,
        padding: 0,
        listStyle: 'none',
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'flex-end',
        gap: '4px 10px',
      },
      '& .owner': {
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        fontSize: '0.8125rem',
        fontWeight: 600,
      },
      '& .chip': {
        display: 'inline-flex',
        alignItems: 'center',
        height: 20,
        padding: '0 7px',
        borderRadius: 10,
        border: '1px solid',
        fontSize: '0.6875rem',
        fontWeight: 650,
        whiteSpace: 'nowrap',
      },
      '& .crate-body': {
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1.15fr) minmax(0, 1fr)',
      },
      '& .crate-part': { padding: '10px 16px 14px', minWidth: 0 },
      '& .crate-part + .crate-part': { borderLeft: `1px solid ${palette.divider}` },
      '& .part-title': {
        margin: '0 0 6px',
        fontSize: '0.75rem',
        fontWeight: 650,
        textTransform: 'uppercase',
        letterSpacing: '0.04em',
        ...muted,
      },
      '& .part-note': { margin: '6px 0 0', fontSize: '0.8125rem', ...muted },
      '& .access-summary': {
        margin: 0,
        display: 'flex',
        alignItems: 'baseline',
        flexWrap: 'wrap',
        gap: '2px 10px',
        fontSize: '0.8125rem',
      },
      // A text button, as MUI's small text Button looks, without its runtime styles per crate.
      '& .fold-button': {
        padding: '2px 6px',
        margin: '-2px -6px',
        border: 0,
        borderRadius: radius,
        background: 'none',
        color: palette.primary.main,
        font: 'inherit',
        fontWeight: 600,
        cursor: 'pointer',
      },
      '& .fold-button:hover': { backgroundColor: alpha(palette.primary.main, 0.08) },
      '& .fold-button:focus-visible': {
        outline: `2px solid ${palette.primary.main}`,
        outlineOffset: 1,
      },
      '& .access-summary + div': { marginTop: 6 },
      '& .part-note strong': { color: palette.text.primary, fontWeight: 600 },
      '& code': { fontFamily: MONO_FONT, fontSize: '0.9em' },
      '& .access': {
        width: '100%',
        borderCollapse: 'collapse',
        tableLayout: 'fixed',
        fontSize: '0.8125rem',
      },
      '& .access th, & .access td': {
        padding: '5px 4px',
        borderTop: `1px solid ${palette.divider}`,
        verticalAlign: 'middle',
      },
      '& .access thead th': {
        borderTop: 0,
        paddingTop: 0,
        fontSize: '0.6875rem',
        fontWeight: 650,
        lineHeight: 1.25,
        textAlign: 'center',
        verticalAlign: 'bottom',
        ...muted,
      },
      '& .access thead th:first-of-type': { textAlign: 'left' },
      '& .access .action-col': { width: 58 },
      '& .access tbody th': { textAlign: 'left', fontWeight: 'normal', minWidth: 0 },
      '& .access td': { textAlign: 'center' },
      '& .token-line': {
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        minWidth: 0,
      },
      '& .token-name': {
        fontWeight: 600,
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      },
      '& .token-via': {
        display: 'block',
        ...muted,
        fontSize: '0.75rem',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      },
      // Legacy and any-crate tokens reach far more than this crate: their words stand out.
      '& .token-via--legacy': { color: toneColors('warning', palette.mode).text },
      '& .token-via--any-crate': { color: toneColors('caution', palette.mode).text },
      '& .can': { color: palette.success.main, fontWeight: 700, fontSize: '0.9375rem' },
      '& .configs': { margin: 0, padding: 0, listStyle: 'none' },
      '& .config': {
        display: 'flex',
        alignItems: 'center',
        gap: 8,
        padding: '4px 0',
        borderTop: `1px solid ${palette.divider}`,
        fontSize: '0.8125rem',
      },
      '& .config:first-of-type': { borderTop: 0 },
      '& .config-text': { flex: 1, minWidth: 0, overflowWrap: 'anywhere' },
      '& .config-sub': { display: 'block', ...muted, fontSize: '0.75rem' },
      '& .tp-actions': {
        display: 'flex',
        alignItems: 'center',
        flexWrap: 'wrap',
        gap: 8,
        marginTop: 8,
      },
      // Under the switch's label: the small switch is 40 px wide, pulled 11 px to the left.
      '& .switch-help': { margin: '-4px 0 0 29px', fontSize: '0.75rem', ...muted },
      '& .card-error': {
        margin: '8px 0 0',
        padding: '6px 10px',
        borderRadius: radius,
        fontSize: '0.8125rem',
        color: palette.error.main,
        backgroundColor: alpha(palette.error.main, palette.mode === 'dark' ? 0.12 : 0.06),
      },
      '& .unknown-note': {
        margin: 0,
        padding: '6px 10px',
        borderRadius: radius,
        borderWidth: 1,
        borderStyle: 'solid',
        fontSize: '0.8125rem',
      },
      // Narrow windows: trusted publishing goes under the tokens.
      '@media (max-width: 960px)': {
        '& .crate-body': { gridTemplateColumns: 'minmax(0, 1fr)' },
        '& .crate-part + .crate-part': {
          borderLeft: 0,
          borderTop: `1px solid ${palette.divider}`,
        },
      },
    },
  };
}
