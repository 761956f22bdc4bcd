import Box from '@mui/material/Box';
import Popper from '@mui/material/Popper';
import { alpha } from '@mui/material/styles';
import { useEffect, useState, type RefObject } from 'react';

/** Same pause before showing as the app's MUI tooltips. */
const SHOW_DELAY_MS = 400;

/**
 * One tooltip for every `[data-hint]` element inside `containerRef`. A list
 * with thousands of chips cannot afford a Tooltip component per chip; this
 * listens once at the container instead. The hint is for sighted pointer
 * users: the elements carry the same text in `aria-description`.
 */
export function HoverHints({ containerRef }: { containerRef: RefObject<HTMLElement | null> }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let timer = 0;
    const hide = () => {
      window.clearTimeout(timer);
      setAnchor(null);
    };
    const onPointerOver = (event: PointerEvent) => {
      const target =
        event.target instanceof Element ? event.target.closest<HTMLElement>('[data-hint]') : null;
      window.clearTimeout(timer);
      if (!target) {
        setAnchor(null);
        return;
      }
      timer = window.setTimeout(() => {
        setAnchor(target);
      }, SHOW_DELAY_MS);
    };
    container.addEventListener('pointerover', onPointerOver);
    container.addEventListener('pointerleave', hide);
    // Rows scroll away (and unmount) under a shown hint.
    container.addEventListener('scroll', hide, { passive: true });
    return () => {
      hide();
      container.removeEventListener('pointerover', onPointerOver);
      container.removeEventListener('pointerleave', hide);
      container.removeEventListener('scroll', hide);
    };
  }, [containerRef]);

  const hint = anchor?.dataset['hint'];
  return (
    <Popper
      open={anchor !== null && hint !== undefined}
      anchorEl={anchor}
      placement="top"
      modifiers={[{ name: 'offset', options: { offset: [0, 6] } }]}
      sx={{ zIndex: 'tooltip', pointerEvents: 'none' }}
    >
      <Box
        // Decorative for assistive tech: the anchor already has this text as its description.
        aria-hidden
        sx={(theme) => ({
          ...theme.typography.caption,
          maxWidth: 300,
          px: 1,
          py: 0.5,
          borderRadius: 1,
          color: theme.palette.common.white,
          bgcolor: alpha(theme.palette.grey[800], 0.95),
          boxShadow: theme.shadows[2],
        })}
      >
        {hint}
      </Box>
    </Popper>
  );
}
