import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';

const SKELETON_ROWS = 8;

/** Placeholder rows while the first list is on its way; one labelled progress bar for assistive tech. */
export function TokenTableSkeleton() {
  return (
    <Box
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        bgcolor: 'background.paper',
        overflow: 'hidden',
      }}
    >
      <LinearProgress aria-label="Loading tokens" sx={{ height: 2 }} />
      <Stack aria-hidden divider={<Box sx={{ borderTop: 1, borderColor: 'divider' }} />}>
        <Skeleton variant="text" sx={{ mx: 2, my: 1, width: '40%' }} />
        {Array.from({ length: SKELETON_ROWS }, (_, row) => (
          <Stack key={row} direction="row" spacing={3} sx={{ px: 2, py: 1.5 }}>
            <Skeleton variant="text" sx={{ flex: 3 }} />
            <Skeleton variant="text" sx={{ flex: 2 }} />
            <Skeleton variant="rounded" height={22} sx={{ flex: 3 }} />
            <Skeleton variant="text" sx={{ flex: 2 }} />
            <Skeleton variant="text" sx={{ flex: 2 }} />
            <Skeleton variant="rounded" height={22} sx={{ flex: 1 }} />
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
