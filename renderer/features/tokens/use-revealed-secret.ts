import { useEffect, useState } from 'react';
import type { TokenView } from '../../../shared/domain/token';
import { useInvoke } from '../../api/invoke-safely';
import { useEvent } from '../../api/use-event';
import { useVault } from '../vault/vault-context';

/** A revealed secret hides itself again after this long. */
const AUTO_HIDE_MS = 60_000;

export interface RevealedSecret {
  /** The secret while revealed; null while hidden. */
  readonly secret: string | null;
  readonly pending: boolean;
  readonly error: string | null;
  /** Asks the core for the secret (`tokens:reveal`): only on the user's explicit request. */
  readonly reveal: () => Promise<void>;
  readonly hide: () => void;
}

/**
 * A held token's secret, hidden until the user asks. It lives only in this
 * component's state, so it goes when the component unmounts; it also goes
 * when the vault locks and after a minute.
 */
export function useRevealedSecret(token: Pick<TokenView, 'key'>): RevealedSecret {
  const invoke = useInvoke();
  const { ensureReady } = useVault();
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEvent('vault:changed', (status) => {
    if (status.state !== 'ready') setSecret(null);
  });
  useEffect(() => {
    if (secret === null) return;
    const timer = window.setTimeout(() => {
      setSecret(null);
    }, AUTO_HIDE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [secret]);

  const reveal = async () => {
    setPending(true);
    setError(null);
    const answer = await invoke('tokens:reveal', { key: token.key });
    setPending(false);
    if (answer.ok) {
      setSecret(answer.value.secret);
      return;
    }
    setError(answer.error.message);
    if (answer.error.code === 'locked') ensureReady();
  };
  const hide = () => {
    setSecret(null);
  };
  return { secret, pending, error, reveal, hide };
}
