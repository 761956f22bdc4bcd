import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export interface StateMessageProps {
  readonly icon: ReactNode;
  readonly title: string;
  /** h2 inside a page that has its own h1; h1 when the message is the whole page. */
  readonly headingLevel?: 'h1' | 'h2';
  readonly children?: ReactNode;
  /** Buttons that say what to do next. */
  readonly actions?: ReactNode;
}

/** A centred empty or error state: what happened, and what to do next. */
export function StateMessage(props: StateMessageProps) {
  const { icon, title, headingLevel = 'h2', children, actions } = props;
  return (
    <Stack
      spacing={1.5}
      sx={{ alignItems: 'center', textAlign: 'center', py: 8, px: 3, maxWidth: 520, mx: 'auto' }}
    >
      <Box aria-hidden sx={{ color: 'text.secondary', '& svg': { fontSize: 48 } }}>
        {icon}
      </Box>
      <Typography variant="h6" component={headingLevel}>
        {title}
      </Typography>
      {children !== undefined && (
        <Typography variant="body2" component="div" sx={{ color: 'text.secondary' }}>
          {children}
        </Typography>
      )}
      {actions !== undefined && (
        <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
          {actions}
        </Stack>
      )}
    </Stack>
  );
}
