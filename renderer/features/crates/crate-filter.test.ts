import { describe, expect, it } from 'vitest';
import type { CrateView } from '../../../shared/domain/crates';
import { filterCrates } from './crate-filter';

function crate(name: string, description: string | null, configs: number | null): CrateView {
  const githubConfigs = Array.from({ length: configs ?? 0 }, (_, index) => ({
    id: index + 1,
    crate: name,
    repositoryOwner: 'ferris',
    repositoryOwnerId: 1,
    repositoryName: name,
    workflowFilename: 'publish.yml',
    environment: null,
    createdAt: '2026-01-01T00:00:00Z',
  }));
  return {
    key: `crates-io/${name}`,
    name,
    registryName: 'crates-io',
    description,
    repository: null,
    ownerAccountIds: ['a#1'],
    trustedPublishing:
      configs === null ? null : { githubConfigs, gitlabConfigs: [], trustpubOnly: false },
    trustedPublishingUnknown: configs === null ? 'Could not reach crates.io.' : null,
  };
}

const CRATES = [
  crate('quill', 'A generic serialization framework', 1),
  crate('quill_json', 'JSON support for quill', 0),
  crate('ferrous-log', 'A small, fast logging facade', null),
];

describe('filterCrates', () => {
  it('keeps the list as it is without a query or filter', () => {
    expect(filterCrates(CRATES, '  ', 'all')).toBe(CRATES);
  });

  it('finds every word in the name or description, `-` and `_` alike', () => {
    const names = (query: string) => filterCrates(CRATES, query, 'all').map((c) => c.name);
    expect(names('quill-json')).toEqual(['quill_json']);
    expect(names('QUILL')).toEqual(['quill', 'quill_json']);
    expect(names('fast facade')).toEqual(['ferrous-log']);
    expect(names('serde')).toEqual([]);
  });

  it('filters by trusted publishing; an unknown state is in neither group', () => {
    expect(filterCrates(CRATES, '', 'set-up').map((c) => c.name)).toEqual(['quill']);
    expect(filterCrates(CRATES, '', 'not-set-up').map((c) => c.name)).toEqual(['quill_json']);
  });
});
