import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { ProviderStatus } from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';

export interface PlaintextOffersProps {
  readonly status: ProviderStatus;
  /** After a removal: credentials.toml changed, so the status should be asked for again. */
  readonly onRemoved: () => void;
}

/**
 * Once cargo is connected: each registry whose plaintext token in
 * credentials.toml the provider now replaces, with an offer to remove it.
 */
export function PlaintextOffers({ status, onRemoved }: PlaintextOffersProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  const [removing, setRemoving] = useState<string | null>(null);
  // Keeps the dialog's words while it fades out.
  const [shown, setShown] = useState<string | null>(null);
  if (removing !== null && removing !== shown) setShown(removing);
  const registries = status.registries.filter((registry) => registry.plaintextInCredentials);

  return (
    <>
      {registries.map(({ registryName }) => (
        <Alert
          key={registryName}
          severity="warning"
          variant="outlined"
          action={
            <Button
              color="inherit"
              size="small"
              aria-label={`Remove the plaintext token for ${registryName}`}
              onClick={() => {
                setRemoving(registryName);
              }}
              sx={{ whiteSpace: 'nowrap' }}
            >
              Remove
            </Button>
          }
        >
          credentials.toml still holds a plaintext token for {registryName}. cargo asks Cratekeeper
          now, so it is no longer needed there.
        </Alert>
      ))}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the plaintext token for ${shown ?? ''}?`}
        confirmLabel="Remove from credentials.toml"
        tone="error"
        onConfirm={async () => {
          if (removing === null) return null;
          const answer = await invoke('cargo:remove', { registry: removing });
          if (!answer.ok) return answer.error.message;
          onRemoved();
          notify(`credentials.toml no longer holds a token for ${removing}.`);
          return null;
        }}
        onClose={() => {
          setRemoving(null);
        }}
      >
        Cratekeeper takes the token for {shown} out of cargo&apos;s credentials.toml and leaves
        every other line as it is. The token itself keeps working; cargo gets a token from
        Cratekeeper instead. If you disconnect cargo later, put a token back with Use with cargo.
      </ConfirmDialog>
    </>
  );
}
