import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { VaultStatus } from '../../../shared/domain/vault';
import { useInvoke } from '../../api/invoke-safely';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { lazyOverlay } from '../../components/lazy-overlay';
import { preloadable } from '../../components/preloadable';
import type { VaultDialogProps } from './vault-dialog';

export interface VaultState {
  /** Undefined until the first answer (or when the core could not be asked). */
  readonly status: VaultStatus | undefined;
  /**
   * True when secrets can be stored and read now. Otherwise opens the unlock
   * or choose-a-passphrase dialog and answers false, so the caller stops:
   * sign-in and import need the vault.
   */
  readonly ensureReady: () => boolean;
  /** Opens the dialog the vault's state calls for (unlock, or choose a passphrase). */
  readonly openDialog: () => void;
  /** Locks a passphrase vault now; the unlock dialog opens only when something needs the vault. */
  readonly lock: () => Promise<void>;
}

const VaultContext = createContext<VaultState | null>(null);

// Loaded on first use (or when idle): a usable vault, the usual case, never shows it.
const VaultDialog = lazyOverlay(
  preloadable(() => import('./vault-dialog').then((module) => module.VaultDialog)),
  (props: VaultDialogProps) => props.open,
);

/**
 * Knows how secrets are protected right now: reads `vault:status` on start and
 * follows `vault:changed` (idle lock, Lock now, unlock, a new passphrase).
 * While the vault cannot be used its dialog opens by itself; "Not now" closes
 * it until the user asks again or the vault changes.
 */
export function VaultProvider({ children }: { children: ReactNode }) {
  const invoke = useInvoke();
  const call = useCall('vault:status', {});
  const [latest, setLatest] = useState<VaultStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);

  const apply = useCallback((next: VaultStatus) => {
    setLatest(next);
    // Once usable, the next lock asks again, even if the user said "Not now" before.
    if (next.state === 'ready') setDismissed(false);
  }, []);
  useEvent('vault:changed', apply);

  const status = latest ?? call.value;
  const usable = status === undefined || status.state === 'ready';

  const state = useMemo<VaultState>(
    () => ({
      status,
      ensureReady: () => {
        if (!usable) setDismissed(false);
        return usable;
      },
      openDialog: () => {
        setDismissed(false);
      },
      lock: async () => {
        // The user chose to lock: the unlock dialog waits until something needs the
        // vault (issue 13). Set first: vault:changed may arrive before the answer.
        setDismissed(true);
        const answer = await invoke('vault:lock', {});
        if (answer.ok) apply(answer.value);
      },
    }),
    [invoke, apply, status, usable],
  );

  return (
    <VaultContext value={state}>
      {children}
      {status !== undefined && (
        <VaultDialog
          status={status}
          open={!usable && !dismissed}
          onStatus={apply}
          onDismiss={() => {
            setDismissed(true);
          }}
        />
      )}
    </VaultContext>
  );
}

/** The vault as seen by the nearest `VaultProvider`. */
export function useVault(): VaultState {
  const state = use(VaultContext);
  if (!state) throw new Error('useVault() needs a <VaultProvider> above it.');
  return state;
}
