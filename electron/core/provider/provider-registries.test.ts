import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../shared/domain/account';
import { RegistryNames } from '../cargo/registry-names';
import { fakeFetch } from '../test-support/fake-registry';
import { ProviderRegistries } from './provider-registries';

function account(id: string, name: string, baseUrl: string): Account {
  return {
    id,
    registry: { name, baseUrl },
    userId: 1,
    login: 'kate',
    displayName: null,
    avatarUrl: null,
    status: 'signed-in',
  };
}

const CRATES = account('crates.io#1', 'crates-io', 'https://crates.io');
const ONE = account('one.test#1', 'one-in-app', 'https://one.test');

function setUp(imported: string[] = []) {
  const { fetch, requests } = fakeFetch({
    'index.one.test /config.json': {
      body: { dl: 'https://one.test/dl', api: 'https://one.test/' },
    },
    'index.other.test /config.json': { body: { api: 'https://other.test' } },
  });
  const cargoHome = mkdtempSync(join(tmpdir(), 'cratekeeper-registries-'));
  writeFileSync(
    join(cargoHome, 'config.toml'),
    '[registries.one]\nindex = "sparse+https://index.one.test/"\n',
  );
  const registries = new ProviderRegistries({
    accounts: () => [CRATES, ONE],
    importedRegistryNames: () => imported,
    names: new RegistryNames(fetch),
    cargoHome: () => Promise.resolve(cargoHome),
  });
  return { registries, requests };
}

describe('ProviderRegistries.resolve', () => {
  it.each([
    'https://github.com/rust-lang/crates.io-index',
    'https://github.com/rust-lang/crates.io-index/',
    'sparse+https://index.crates.io/',
    'sparse+https://index.crates.io',
  ])('knows crates.io by its index %s, without asking anything', async (index) => {
    const { registries, requests } = setUp();
    expect(await registries.resolve(index, 'crates-io')).toEqual({
      registryName: 'crates-io',
      baseUrl: 'https://crates.io',
      label: 'crates.io',
      accounts: [CRATES],
    });
    expect(requests).toEqual([]);
  });

  it("finds another registry's accounts by the API its sparse index names, under cargo's name", async () => {
    const { registries } = setUp();
    expect(await registries.resolve('sparse+https://index.one.test/', 'one')).toEqual({
      registryName: 'one',
      baseUrl: 'https://one.test',
      label: 'one.test',
      accounts: [ONE],
    });
  });

  it('knows a registry only imported tokens name, by cargo name', async () => {
    const { registries } = setUp(['private']);
    expect(await registries.resolve('https://git.example/index', 'private')).toEqual({
      registryName: 'private',
      baseUrl: null,
      label: 'private',
      accounts: [],
    });
  });

  it('knows nothing of other registries', async () => {
    const { registries } = setUp(['private']);
    expect(await registries.resolve('sparse+https://index.other.test/', 'other')).toBeNull();
    expect(await registries.resolve('https://git.example/index', 'elsewhere')).toBeNull();
    expect(await registries.resolve('sparse+https://index.unknown.test/', undefined)).toBeNull();
  });
});

describe('ProviderRegistries.list', () => {
  it("lists every registry with an account or an imported token, by cargo's name", async () => {
    const { registries } = setUp(['private', 'crates-io']);
    expect(await registries.list()).toEqual([
      {
        registryName: 'crates-io',
        baseUrl: 'https://crates.io',
        label: 'crates.io',
        accounts: [CRATES],
      },
      { registryName: 'one', baseUrl: 'https://one.test', label: 'one.test', accounts: [ONE] },
      { registryName: 'private', baseUrl: null, label: 'private', accounts: [] },
    ]);
  });
});
