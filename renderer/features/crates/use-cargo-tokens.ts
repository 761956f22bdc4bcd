import { useMemo, useState } from 'react';
import type { CargoStatus } from '../../../shared/domain/cargo-use';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';

/**
 * The token key cargo reads for each registry (by cargo's registry name),
 * as far as the app can tell; a registry whose token the app does not hold
 * is absent. Follows `cargo:changed`, since the core watches the file.
 */
export function useCargoTokens(): ReadonlyMap<string, string> {
  const call = useCall('cargo:status', {});
  const [pushed, setPushed] = useState<CargoStatus | null>(null);
  useEvent('cargo:changed', setPushed);
  const status = pushed ?? call.value;
  return useMemo(() => {
    const byRegistry = new Map<string, string>();
    for (const use of status?.registries ?? []) {
      if (use.present && use.tokenKey !== null) byRegistry.set(use.registry, use.tokenKey);
    }
    return byRegistry;
  }, [status]);
}
