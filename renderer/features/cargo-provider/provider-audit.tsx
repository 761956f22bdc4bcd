import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { ProviderAuditEntry } from '../../../shared/domain/cargo-provider';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { useNow } from '../../hooks/use-now';
import { mergeAudit } from './audit-list';
import { AuditTable } from './audit-table';

/** "Requests from cargo": every request answered, newest first, growing as cargo asks. */
export function ProviderAudit() {
  const call = useCall('provider:audit', {});
  const [live, setLive] = useState<readonly ProviderAuditEntry[]>([]);
  useEvent('provider:answered', (entry) => {
    setLive((previous) => [entry, ...previous]);
  });
  const now = useNow();
  const listed = call.value?.entries;
  const entries = useMemo(() => mergeAudit(live, listed ?? []), [live, listed]);

  let body;
  if (call.status === 'loading' && live.length === 0) {
    body = <LinearProgress aria-label="Loading the requests from cargo" />;
  } else if (call.status === 'error' && listed === undefined && live.length === 0) {
    body = (
      <Alert
        severity="error"
        variant="outlined"
        action={
          <Button color="inherit" size="small" onClick={call.reload}>
            Retry
          </Button>
        }
      >
        The requests could not be loaded: {call.error.message}
      </Alert>
    );
  } else if (entries.length === 0) {
    body = (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        No requests yet. Each time cargo asks Cratekeeper for a token it is listed here, with the
        token it got or why it got none.
      </Typography>
    );
  } else {
    body = <AuditTable entries={entries} now={now} />;
  }

  return (
    <Stack spacing={1}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 650 }}>
          Requests from cargo
        </Typography>
        {entries.length > 0 && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {entries.length === 1 ? '1 request' : `${String(entries.length)} requests`}, newest
            first
          </Typography>
        )}
      </Box>
      {body}
    </Stack>
  );
}
