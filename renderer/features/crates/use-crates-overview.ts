import { useCallback, useState } from 'react';
import type { CrateView, CratesOverview } from '../../../shared/domain/crates';
import { useCall, type CallState } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

export interface CratesOverviewState {
  readonly call: CallState<'crates:overview'>;
  /** The overview with the page's own changes since (a config added, the flag set). */
  readonly overview: CratesOverview | undefined;
  /** Applies a change the registry confirmed to one crate, without fetching every crate again. */
  readonly patchCrate: (key: string, change: (crate: CrateView) => CrateView) => void;
}

/**
 * Every crate of every account. Signing in or out and unlocking the vault
 * change whose crates can be read, so either fetches them again. A change
 * made on this page is applied to the overview as the registry answered it;
 * the next fetch replaces it all.
 */
export function useCratesOverview(): CratesOverviewState {
  const call = useCall('crates:overview', {});
  useEvent('accounts:changed', call.reload);
  useEvent('vault:changed', call.reload);
  const [latest, setLatest] = useState(call.value);
  const [answered, setAnswered] = useState(call.value);
  if (call.value !== answered) {
    setAnswered(call.value);
    setLatest(call.value);
  }
  const patchCrate = useCallback((key: string, change: (crate: CrateView) => CrateView) => {
    setLatest(
      (previous) =>
        previous && {
          ...previous,
          crates: previous.crates.map((crate) => (crate.key === key ? change(crate) : crate)),
        },
    );
  }, []);
  return { call, overview: latest, patchCrate };
}
