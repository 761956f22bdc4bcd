import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import type { CargoRegistryUse } from '../../../shared/domain/cargo-use';
import { useInvoke } from '../../api/invoke-safely';
import { useNotice } from '../../components/notice';
import { useVault } from '../vault/vault-context';
import { useCargo } from './cargo-context';
import { registryTextOf } from './registry-text';

const STACK_SX = { mb: 1.5 } as const;
const NO_WRAP_SX = { whiteSpace: 'nowrap' } as const;

/**
 * Above the list, what cargo's file says that the rows cannot: a file that
 * could not be read, a token cargo uses that no longer works, and a token
 * in the file that Cratekeeper does not hold, with "Import from cargo".
 */
export function CargoNotices({ onImported }: { onImported: () => void }) {
  const cargo = useCargo();
  if (cargo === null || cargo.status === undefined) return null;
  const { problem } = cargo.status;
  const { alerts, importable } = cargo.uses;
  if (problem === null && alerts.length === 0 && importable.length === 0) return null;
  return (
    <Stack spacing={1} sx={STACK_SX}>
      {problem !== null && (
        <Alert severity="warning" variant="outlined">
          cargo&apos;s credentials file could not be read: {problem}
        </Alert>
      )}
      {alerts.map(({ registry, alert }) => (
        <Alert key={`alert:${registry}`} severity="error" variant="outlined">
          {alert}
        </Alert>
      ))}
      {importable.map((use) => (
        <ImportNotice key={`import:${use.registry}`} use={use} onImported={onImported} />
      ))}
    </Stack>
  );
}

function ImportNotice({ use, onImported }: { use: CargoRegistryUse; onImported: () => void }) {
  const invoke = useInvoke();
  const notify = useNotice();
  const cargo = useCargo();
  const { ensureReady } = useVault();
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importToken = async () => {
    // The secret goes into the vault: it must be usable first.
    if (!ensureReady()) return;
    setImporting(true);
    setError(null);
    const answer = await invoke('cargo:import', { registry: use.registry });
    setImporting(false);
    if (!answer.ok) {
      setError(answer.error.message);
      if (answer.error.code === 'locked') ensureReady();
      return;
    }
    notify(`Imported “${answer.value.name}” from cargo. Its secret is encrypted in Cratekeeper.`);
    onImported();
    cargo?.reload();
  };

  return (
    <Alert
      severity="info"
      variant="outlined"
      action={
        <Button
          color="inherit"
          size="small"
          sx={NO_WRAP_SX}
          loading={importing}
          onClick={() => {
            void importToken();
          }}
        >
          Import from cargo
        </Button>
      }
    >
      cargo has a token for {registryTextOf(use.registry)} that Cratekeeper does not hold. Import it
      to get its expiry warnings and one-click use.
      {error !== null && <div role="alert">{error}</div>}
    </Alert>
  );
}
