import { createContext, use, type ReactNode } from 'react';
import type { CratekeeperApi } from '../../shared/ipc/api';

const ApiContext = createContext<CratekeeperApi | null>(null);

/** Makes the bridge available to every hook below; tests can pass a fake. */
export function ApiProvider({ api, children }: { api: CratekeeperApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>;
}

/** The typed API of the contract. Only valid below an `ApiProvider`. */
export function useApi(): CratekeeperApi {
  const api = use(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
