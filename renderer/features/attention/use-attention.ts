import { useCallback, useState } from 'react';
import type { AttentionSummary } from '../../../shared/domain/attention';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

export interface AttentionState {
  /** What needs action; undefined until the first answer (or when the core could not say). */
  readonly attention: AttentionSummary | undefined;
  /** Asks the core again (after a change made here, such as Forget). */
  readonly reload: () => void;
}

/**
 * What needs action, as the tray shows it: asked once, then kept current by
 * `watch:changed`, which the core sends after every scheduler run or refresh.
 * `onChanged` runs on every pushed change (the list's statuses move with it).
 * `listFetchedAt` is when the shown token list was fetched.
 */
export function useAttention(
  listFetchedAt: string | undefined,
  onChanged?: () => void,
): AttentionState {
  const call = useCall('watch:attention', {});
  // The pushed value wins over the answer it follows, until the next reload.
  const [pushed, setPushed] = useState<AttentionSummary | null>(null);
  // The core checks again after each list it fetches. Asked again when a list
  // arrives, so a change pushed before the event stream was open (at start,
  // in the browser harness) is not missed.
  const [askedFor, setAskedFor] = useState(listFetchedAt);
  if (askedFor !== listFetchedAt) {
    setAskedFor(listFetchedAt);
    setPushed(null);
    call.reload();
  }
  useEvent('watch:changed', (attention) => {
    setPushed(attention);
    onChanged?.();
  });
  const { reload: reloadCall } = call;
  const reload = useCallback(() => {
    setPushed(null);
    reloadCall();
  }, [reloadCall]);
  return { attention: pushed ?? call.value, reload };
}
