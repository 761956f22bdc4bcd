import { useState } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useNotice } from '../../components/notice';
import { useVault } from '../vault/vault-context';

export interface CopySecret {
  readonly copy: (token: TokenView) => Promise<void>;
  readonly copying: boolean;
  /** Why the last copy failed, or null. */
  readonly error: string | null;
}

/**
 * Copy a held token's secret: the main process puts it on the clipboard
 * straight from the vault (`tokens:copy`), so the renderer never holds it, and
 * clears it again after the user's setting.
 */
export function useCopySecret(): CopySecret {
  const invoke = useInvoke();
  const notify = useNotice();
  const { ensureReady } = useVault();
  const [copying, setCopying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const copy = async (token: TokenView) => {
    setCopying(true);
    setError(null);
    const answer = await invoke('tokens:copy', { key: token.key });
    setCopying(false);
    if (answer.ok) {
      notify(
        `Copied the secret of ${token.name}. The clipboard is cleared in ${String(answer.value.clearAfterSeconds)} seconds.`,
      );
      return;
    }
    setError(answer.error.message);
    if (answer.error.code === 'locked') ensureReady();
  };
  return { copy, copying, error };
}
