import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { useApi } from './api-context';

/**
 * Listens to a pushed event for as long as the component is mounted. The
 * listener may change on every render without re-subscribing.
 */
export function useEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const api = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(
    () =>
      api.subscribe[name]((payload) => {
        onEvent(payload);
      }),
    [api, name],
  );
}
