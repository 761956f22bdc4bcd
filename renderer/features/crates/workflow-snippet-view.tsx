import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ContentCopyRounded from '@mui/icons-material/ContentCopyRounded';
import { MONO_FONT } from '../../components/fonts';
import { useNotice } from '../../components/notice';
import type { WorkflowSnippet } from './workflow-snippet';

/**
 * The workflow to add, as a code block under a bar with its path and Copy.
 * It holds no secret (the job fetches its token when it runs), so it goes to
 * the clipboard directly and is not cleared again.
 */
export function WorkflowSnippetView({ snippet }: { snippet: WorkflowSnippet }) {
  const notify = useNotice();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet.text);
      notify(`Copied the workflow for ${snippet.path}.`);
    } catch {
      notify('Could not copy the workflow: select it and copy it by hand.');
    }
  };
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 1,
          pl: 1.5,
          pr: 0.75,
          py: 0.5,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <Typography
          variant="caption"
          sx={{ color: 'text.secondary', fontWeight: 600, fontFamily: MONO_FONT }}
        >
          {snippet.path}
        </Typography>
        <Button
          size="small"
          startIcon={<ContentCopyRounded />}
          aria-label="Copy the workflow"
          onClick={() => {
            void copy();
          }}
        >
          Copy
        </Button>
      </Box>
      <Box
        component="pre"
        role="group"
        aria-label={`Workflow for ${snippet.path}`}
        // Scrolls inside the dialog rather than growing it past the window.
        tabIndex={0}
        sx={{
          m: 0,
          px: 1.5,
          py: 1,
          maxHeight: 300,
          overflow: 'auto',
          fontFamily: MONO_FONT,
          fontSize: 12.5,
          lineHeight: 1.6,
          bgcolor: 'action.hover',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
        }}
      >
        {snippet.text}
      </Box>
    </Box>
  );
}
