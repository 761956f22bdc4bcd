import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import { toneColors } from '../../components/tone';

/** "Connected" / "Not connected": the words say it, the colour only helps. */
export function ConnectionChip({ connected }: { connected: boolean }) {
  const { palette } = useTheme();
  const colors = toneColors(connected ? 'success' : 'neutral', palette.mode);
  return (
    <Box
      component="span"
      role="status"
      sx={{
        px: 1.25,
        py: 0.25,
        borderRadius: 4,
        border: `1px solid ${colors.border}`,
        backgroundColor: colors.background,
        color: colors.text,
        fontSize: 14,
        fontWeight: 600,
      }}
    >
      {connected ? 'Connected' : 'Not connected'}
    </Box>
  );
}
