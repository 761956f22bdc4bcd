import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';

/**
 * What a page shows while its code is still loading (the first visit, when
 * the idle preload has not run yet): a named progress bar, as pages show
 * while their data loads.
 */
export function PageLoading({ label }: { label: string }) {
  return (
    <Box sx={{ p: 3 }}>
      <LinearProgress aria-label={`Loading ${label}`} sx={{ maxWidth: 420 }} />
    </Box>
  );
}
