import { describe, expect, it } from 'vitest';
import type { CargoRegistryUse, CargoStatus } from '../../../shared/domain/cargo-use';
import { cargoUsesOf } from './cargo-use-map';

function use(overrides: Partial<CargoRegistryUse>): CargoRegistryUse {
  return {
    registry: 'crates-io',
    tokenKey: null,
    present: true,
    accountId: null,
    alert: null,
    ...overrides,
  };
}

function status(registries: CargoRegistryUse[]): CargoStatus {
  return { cargoHome: '/h/.cargo', credentialsFile: null, problem: null, registries };
}

describe('cargoUsesOf', () => {
  it('marks the held token cargo reads, by key', () => {
    const uses = cargoUsesOf(status([use({ tokenKey: 'a/1' })]));
    expect(uses.byTokenKey.get('a/1')?.registry).toBe('crates-io');
    expect(uses.importable).toEqual([]);
  });

  it('offers to import a token in the file that the app does not hold', () => {
    const uses = cargoUsesOf(status([use({ registry: 'sim', tokenKey: null })]));
    expect(uses.importable.map((entry) => entry.registry)).toEqual(['sim']);
    expect(uses.byTokenKey.size).toBe(0);
  });

  it('ignores registries with no token in the file', () => {
    const uses = cargoUsesOf(status([use({ present: false })]));
    expect(uses.importable).toEqual([]);
    expect(uses.byTokenKey.size).toBe(0);
  });

  it('lists the alert of an expired or revoked token cargo uses', () => {
    const uses = cargoUsesOf(
      status([use({ tokenKey: 'a/1', alert: 'cargo uses “old”, which expired.' })]),
    );
    expect(uses.alerts).toEqual([
      { registry: 'crates-io', alert: 'cargo uses “old”, which expired.' },
    ]);
  });

  it('knows nothing before the first status', () => {
    expect(cargoUsesOf(undefined).byTokenKey.size).toBe(0);
  });
});
