import { useState } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import { useInvoke } from '../../api/invoke-safely';
import { ConfirmDialog } from '../../components/confirm-dialog';
import {
  PROVIDER_NAMES,
  configsOf,
  environmentText,
  repositoryOf,
  workflowOf,
  type ConfigRef,
} from './crate-text';

/** A configuration to delete, with the crate it belongs to and the account that deletes it. */
export interface DeleteRequest {
  readonly crate: CrateView;
  readonly ref: ConfigRef;
  readonly accountId: string;
}

export interface DeleteConfigDialogProps {
  readonly request: DeleteRequest | null;
  readonly onDeleted: (request: DeleteRequest) => void;
  readonly onClose: () => void;
}

/**
 * Asks before deleting a configuration, saying which workflow can then no
 * longer publish, and what it means when it is the last one of a crate that
 * only trusted publishing may publish.
 */
export function DeleteConfigDialog({ request, onDeleted, onClose }: DeleteConfigDialogProps) {
  const invoke = useInvoke();
  // Keeps the words on screen while the dialog fades out.
  const [shown, setShown] = useState(request);
  if (request !== null && request !== shown) setShown(request);
  if (shown === null) return null;
  const { crate, ref } = shown;
  const last = configsOf(crate).length === 1;
  const locked = crate.trustedPublishing?.trustpubOnly ?? false;
  const runner = ref.provider === 'github' ? 'GitHub Actions' : 'GitLab CI';
  return (
    <ConfirmDialog
      open={request !== null}
      title={`Delete this ${PROVIDER_NAMES[ref.provider]} configuration?`}
      confirmLabel="Delete configuration"
      tone="error"
      onConfirm={async () => {
        const answer = await invoke('crates:delete-config', {
          accountId: shown.accountId,
          provider: ref.provider,
          id: ref.config.id,
        });
        if (!answer.ok) return answer.error.message;
        onDeleted(shown);
        return null;
      }}
      onClose={onClose}
    >
      {runner} runs of <code>{workflowOf(ref)}</code> in <code>{repositoryOf(ref)}</code> (
      {environmentText(ref.config.environment)}) will no longer be able to publish{' '}
      <code>{crate.name}</code>.
      {last && locked && (
        <>
          {' '}
          It is the crate&apos;s last configuration and Trusted publishing only is on: nothing can
          publish new versions of <code>{crate.name}</code> until you add a configuration or switch
          it off.
        </>
      )}
    </ConfirmDialog>
  );
}
