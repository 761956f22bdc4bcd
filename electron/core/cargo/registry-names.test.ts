import { describe, expect, it } from 'vitest';
import { indexConfigUrl, RegistryNames } from './registry-names';

/** Which `[registries.NAME]` an account's registry is, by its index's config.json `api`. */
function fetchFrom(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = (url: string): Promise<Response> => {
    asked.push(url);
    const body = answers[url];
    return Promise.resolve(
      body === undefined ? new Response('', { status: 404 }) : Response.json(body),
    );
  };
  return { fetch, asked };
}

const CONFIG = {
  registries: {
    mirror: { index: 'sparse+https://mirror.example/index/' },
    local: { index: 'sparse+http://127.0.0.1:8080/index/' },
    git: { index: 'https://github.com/example/index' },
    remote: { index: 'sparse+http://registry.example/index/' },
  },
};

describe('RegistryNames', () => {
  it('calls crates.io crates-io without asking anything', async () => {
    const { fetch, asked } = fetchFrom({});
    const names = new RegistryNames(fetch);
    expect(await names.cargoNameOf({ name: 'x', baseUrl: 'https://crates.io' }, CONFIG)).toBe(
      'crates-io',
    );
    expect(asked).toEqual([]);
  });

  it("finds the registry whose index's config.json names its API, asking each index once", async () => {
    const { fetch, asked } = fetchFrom({
      'https://mirror.example/index/config.json': { dl: 'x', api: 'https://mirror.example' },
      'http://127.0.0.1:8080/index/config.json': { dl: 'x', api: 'http://127.0.0.1:8080/' },
    });
    const names = new RegistryNames(fetch);
    const local = { name: 'sim', baseUrl: 'http://127.0.0.1:8080' };
    expect(await names.cargoNameOf(local, CONFIG)).toBe('local');
    expect(await names.cargoNameOf({ name: 'm', baseUrl: 'https://mirror.example' }, CONFIG)).toBe(
      'mirror',
    );
    expect(await names.cargoNameOf(local, CONFIG)).toBe('local');
    // Plain http away from this machine and git indexes are never fetched.
    expect(asked.sort()).toEqual([
      'http://127.0.0.1:8080/index/config.json',
      'https://mirror.example/index/config.json',
    ]);
  });

  it('falls back to the name given in Cratekeeper', async () => {
    const { fetch } = fetchFrom({});
    const names = new RegistryNames(fetch);
    expect(await names.cargoNameOf({ name: 'lab', baseUrl: 'https://lab.example' }, {})).toBe(
      'lab',
    );
  });

  it('knows which indexes it may ask', () => {
    expect(indexConfigUrl('sparse+https://a.example/index')).toBe(
      'https://a.example/index/config.json',
    );
    expect(indexConfigUrl('sparse+http://localhost:1/i/')).toBe('http://localhost:1/i/config.json');
    expect(indexConfigUrl('sparse+http://a.example/index/')).toBeNull();
    expect(indexConfigUrl('https://github.com/rust-lang/crates.io-index')).toBeNull();
  });
});
