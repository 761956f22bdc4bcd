import { useState } from 'react';
import type { ProviderStatus } from '../../../shared/domain/cargo-provider';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotice } from '../../components/notice';

export interface DisconnectDialogProps {
  readonly open: boolean;
  readonly status: ProviderStatus;
  readonly onDisconnected: (status: ProviderStatus) => void;
  readonly onClose: () => void;
}

/** Asks before "Disconnect cargo", saying what comes out of config.toml and what cargo does then. */
export function DisconnectDialog({ open, status, onDisconnected, onClose }: DisconnectDialogProps) {
  const invoke = useInvoke();
  const notify = useNotice();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(status);
  if (open && status !== shown) setShown(status);
  const file = shown.configFile ?? "cargo's config.toml";
  const shadowed = shown.registries
    .filter((registry) => registry.shadowedBy !== null)
    .map((registry) => registry.registryName);

  return (
    <ConfirmDialog
      open={open}
      title="Disconnect cargo?"
      confirmLabel="Disconnect cargo"
      tone="error"
      onConfirm={async () => {
        const answer = await invoke('provider:disconnect', {});
        if (!answer.ok) return answer.error.message;
        onDisconnected(answer.value);
        notify('cargo no longer asks Cratekeeper for tokens.');
        return null;
      }}
      onClose={onClose}
    >
      Cratekeeper removes from {file} exactly what Connect cargo added: its entry in
      global-credential-providers
      {shadowed.length > 0 &&
        `, and it puts back the credential provider it replaced for ${shadowed.join(', ')}`}
      . Every other line stays as it is. cargo then uses its other providers again; where you
      removed a plaintext token, put one back with Use with cargo before you publish.
    </ConfirmDialog>
  );
}
