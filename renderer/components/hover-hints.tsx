import Box from '@mui/material/Box';
import Popper from '@mui/material/Popper';
import { alpha } from '@mui/material/styles';
import { useEffect, useState, type RefObject } from 'react';

/** Same pause before showing as the app's MUI tooltips. */
const SHOW_DELAY_MS = 400;

/**
 * One tooltip for every `[data-hint]` element inside `containerRef`. A list
 * with thousands of chips cannot afford a Tooltip component per chip; this
 * listens once at the container instead. The hint is for sighted users, on
 * pointer hover and on keyboard focus (as MUI's tooltips); Escape hides it.
 * The elements carry the same text in `aria-description` or their name.
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
    // The element whose hint keyboard focus shows: focusing may scroll the
    // list, which must not hide that hint (only a pointer's).
    let focused: HTMLElement | null = null;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      window.clearTimeout(timer);
      // Keyboard focus only: a click focuses too, and hovering already shows it.
      focused = target?.matches('[data-hint]:focus-visible') ? target : null;
      setAnchor(focused);
    };
    const onFocusOut = () => {
      focused = null;
      hide();
    };
    const onScroll = () => {
      if (!focused?.isConnected) hide();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide();
    };
    container.addEventListener('pointerover', onPointerOver);
    container.addEventListener('pointerleave', hide);
    container.addEventListener('focusin', onFocusIn);
    container.addEventListener('focusout', onFocusOut);
    container.addEventListener('keydown', onKeyDown);
    // Rows scroll away (and unmount) under a shown hint.
    container.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      hide();
      container.removeEventListener('pointerover', onPointerOver);
      container.removeEventListener('pointerleave', hide);
      container.removeEventListener('focusin', onFocusIn);
      container.removeEventListener('focusout', onFocusOut);
      container.removeEventListener('keydown', onKeyDown);
      container.removeEventListener('scroll', onScroll);
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
