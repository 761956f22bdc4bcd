import { useState } from 'react';
import type { CrateView } from '../../../shared/domain/crates';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { configsOf, repositoryOf, workflowOf } from './crate-text';

export interface TrustpubOnlyDialogProps {
  /** The crate to switch on; null when closed. */
  readonly crate: CrateView | null;
  /** Switches it on; resolves with the registry's refusal, or null when done. */
  readonly onConfirm: (crate: CrateView) => Promise<string | null>;
  readonly onClose: () => void;
}

/**
 * Asks before "Trusted publishing only": from then on crates.io refuses every
 * new version published with an API token, whoever's and wherever from.
 */
export function TrustpubOnlyDialog({ crate, onConfirm, onClose }: TrustpubOnlyDialogProps) {
  const [shown, setShown] = useState(crate);
  if (crate !== null && crate !== shown) setShown(crate);
  if (shown === null) return null;
  const workflows = configsOf(shown).map((ref) => `${repositoryOf(ref)} ${workflowOf(ref)}`);
  return (
    <ConfirmDialog
      open={crate !== null}
      title={`Only trusted publishing for ${shown.name}?`}
      confirmLabel="Allow only trusted publishing"
      onConfirm={() => onConfirm(shown)}
      onClose={onClose}
    >
      crates.io will refuse every new version of <code>{shown.name}</code> published with an API
      token: <code>cargo publish</code> from your machine, or from CI with a token kept as a secret,
      fails. Only the configured workflows can publish it ({workflows.join('; ')}). Yanking and
      owner changes still work with tokens, and you can switch this off again at any time.
    </ConfirmDialog>
  );
}
