import Box from '@mui/material/Box';
import LinkOffRounded from '@mui/icons-material/LinkOffRounded';
import { StateMessage } from '../components/state-message';

/** Shown instead of the app when the page has no `window.cratekeeper`. */
export function BridgeMissing() {
  return (
    <Box component="main" sx={{ height: '100%', display: 'grid', placeItems: 'center' }}>
      <StateMessage icon={<LinkOffRounded />} title="Cratekeeper cannot start" headingLevel="h1">
        Cratekeeper&apos;s bridge is missing: open this page from the app or{' '}
        <code>npm run preview</code>.
      </StateMessage>
    </Box>
  );
}
