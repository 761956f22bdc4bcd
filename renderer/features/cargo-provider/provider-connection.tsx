import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleRounded from '@mui/icons-material/CheckCircleRounded';
import LinkOffRounded from '@mui/icons-material/LinkOffRounded';
import { useState } from 'react';
import type { ProviderStatus } from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { MONO_FONT } from '../../components/fonts';
import { useNotice } from '../../components/notice';
import { ConnectionChip } from './connection-chip';
import { DisconnectDialog } from './disconnect-dialog';
import { PlaintextOffers } from './plaintext-offers';

export interface ProviderConnectionProps {
  readonly status: ProviderStatus;
  readonly onStatus: (status: ProviderStatus) => void;
  /** Asks the core for the status again (after a change elsewhere, such as credentials.toml). */
  readonly onReload: () => void;
}

/** Connected or not, where, whether the app answers, and Connect / Disconnect cargo. */
export function ProviderConnection({ status, onStatus, onReload }: ProviderConnectionProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  const [connecting, setConnecting] = useState(false);
  const [connectError, setConnectError] = useState<string | null>(null);
  const [disconnectOpen, setDisconnectOpen] = useState(false);
  const noFile = status.configFile === null;

  const connect = async () => {
    setConnecting(true);
    setConnectError(null);
    const answer = await invoke('provider:connect', {});
    setConnecting(false);
    if (!answer.ok) {
      setConnectError(answer.error.message);
      return;
    }
    onStatus(answer.value);
    notify('cargo now asks Cratekeeper for its tokens.');
  };

  return (
    <Stack spacing={1.5}>
      <Stack
        direction="row"
        spacing={1.5}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap' }}
      >
        <ConnectionChip connected={status.connected} />
        <Box sx={{ flex: 1 }} />
        {status.connected ? (
          <Button
            variant="outlined"
            color="error"
            startIcon={<LinkOffRounded />}
            onClick={() => {
              setDisconnectOpen(true);
            }}
          >
            Disconnect cargo
          </Button>
        ) : (
          <Button
            variant="contained"
            loading={connecting}
            disabled={noFile || status.problem !== null}
            onClick={() => {
              void connect();
            }}
          >
            Connect cargo
          </Button>
        )}
      </Stack>

      <Stack spacing={0.5}>
        <FactLine label="cargo's config">
          {status.configFile ?? 'not known: cargo’s folder (CARGO_HOME) has not been found yet'}
        </FactLine>
        <FactLine label="cargo runs">{status.executable}</FactLine>
        {!status.connected && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            Connect cargo adds Cratekeeper to global-credential-providers in config.toml, after
            cargo:token, so plaintext tokens keep working; every other line stays as it is.
          </Typography>
        )}
      </Stack>

      {status.listening ? (
        <Typography
          variant="body2"
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75, color: 'success.main' }}
        >
          <CheckCircleRounded fontSize="small" aria-hidden />
          Cratekeeper answers cargo now.
        </Typography>
      ) : (
        <Alert severity="warning" variant="outlined">
          Cratekeeper is not answering cargo right now, so cargo&apos;s requests to it fail. Restart
          Cratekeeper; if this stays, another copy of the app may hold its socket.
        </Alert>
      )}

      {status.problem !== null && (
        <Alert severity="error" variant="outlined">
          <AlertTitle>cargo&apos;s config.toml could not be read</AlertTitle>
          {status.problem.replace(/\.$/, '')}. Correct the file, then come back: nothing is written
          to it until it reads cleanly.
        </Alert>
      )}
      {connectError !== null && (
        <Alert severity="error" variant="outlined">
          cargo was not connected: {connectError}
        </Alert>
      )}

      <ShadowNotes status={status} />
      {status.connected && <PlaintextOffers status={status} onRemoved={onReload} />}

      <DisconnectDialog
        open={disconnectOpen}
        status={status}
        onDisconnected={onStatus}
        onClose={() => {
          setDisconnectOpen(false);
        }}
      />
    </Stack>
  );
}

/** "cargo's config  /home/me/.cargo/config.toml": a fact with a path-like value. */
function FactLine({ label, children }: { label: string; children: string }) {
  return (
    <Typography variant="body2" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Box component="span" sx={{ color: 'text.secondary', minWidth: 104 }}>
        {label}
      </Box>
      <Box component="span" sx={{ fontFamily: MONO_FONT, wordBreak: 'break-all' }}>
        {children}
      </Box>
    </Typography>
  );
}

/**
 * A registry with its own credential provider in config.toml: cargo asks only
 * that one for it, so Connect cargo puts ours in its place (kept in a comment,
 * put back by Disconnect cargo).
 */
function ShadowNotes({ status }: { status: ProviderStatus }) {
  const shadowed = status.registries.filter((registry) => registry.shadowedBy !== null);
  if (shadowed.length === 0) return null;
  return (
    <>
      {shadowed.map(({ registryName, shadowedBy }) => (
        <Alert key={registryName} severity="info" variant="outlined">
          {status.connected ? (
            <>
              For {registryName}, Cratekeeper took the place of the credential provider config.toml
              named (<ProviderName name={shadowedBy} />
              ); Disconnect cargo puts it back. Until then, when Cratekeeper has no token for{' '}
              {registryName}, cargo asks no other provider for it.
            </>
          ) : (
            <>
              config.toml names its own credential provider for {registryName} (
              <ProviderName name={shadowedBy} />
              ), which cargo asks instead of the global ones. Connect cargo puts Cratekeeper in its
              place and keeps the line in a comment; Disconnect cargo puts it back.
            </>
          )}
        </Alert>
      ))}
    </>
  );
}

function ProviderName({ name }: { name: string | null }) {
  return (
    <Box component="code" sx={{ fontFamily: MONO_FONT }}>
      {name}
    </Box>
  );
}
