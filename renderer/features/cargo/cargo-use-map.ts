import type { CargoRegistryUse, CargoStatus } from '../../../shared/domain/cargo-use';

/** What the token list needs from one `cargo:status`, worked out once per status. */
export interface CargoUses {
  /** The registry use of each held token cargo reads, by token key. */
  readonly byTokenKey: ReadonlyMap<string, CargoRegistryUse>;
  /** Registries whose token in cargo's file Cratekeeper does not hold ("Import from cargo"). */
  readonly importable: readonly CargoRegistryUse[];
  /** Registries whose token cargo uses is expired or revoked: the alert to show. */
  readonly alerts: readonly { readonly registry: string; readonly alert: string }[];
}

export const NO_CARGO_USES: CargoUses = { byTokenKey: new Map(), importable: [], alerts: [] };

export function cargoUsesOf(status: CargoStatus | undefined): CargoUses {
  if (status === undefined) return NO_CARGO_USES;
  const byTokenKey = new Map<string, CargoRegistryUse>();
  const importable: CargoRegistryUse[] = [];
  const alerts: { registry: string; alert: string }[] = [];
  for (const use of status.registries) {
    if (!use.present) continue;
    if (use.tokenKey === null) importable.push(use);
    else byTokenKey.set(use.tokenKey, use);
    if (use.alert !== null) alerts.push({ registry: use.registry, alert: use.alert });
  }
  return { byTokenKey, importable, alerts };
}
