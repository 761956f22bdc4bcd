import { z } from 'zod';
import { isAllowedRegistryUrl, type Registry } from '../../../shared/domain/account';
import type { Fetch } from '../ports';
import { CRATES_IO_CARGO_NAME, valueAt } from './credentials-edit';

const CRATES_IO_ORIGIN = 'https://crates.io';
const indexConfigSchema = z.object({ api: z.string().optional() }).loose();
const FETCH_TIMEOUT_MS = 5000;
/** An index that did not answer is asked again only after this long (status runs on every focus). */
const RETRY_AFTER_MS = 60_000;

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The `config.json` URL of a sparse index, or null: git indexes cannot be
 * asked over HTTP, and plain http goes only to this machine (as for sign-in).
 */
export function indexConfigUrl(index: string): string | null {
  if (!index.startsWith('sparse+')) return null;
  const url = index.slice('sparse+'.length);
  if (!isAllowedRegistryUrl(url)) return null;
  return `${url.endsWith('/') ? url : `${url}/`}config.json`;
}

/**
 * Which cargo registry name an account's registry is: `crates-io` for
 * crates.io; else the `[registries.NAME]` of cargo's config whose index's
 * `config.json` names the registry's API base URL as `api`; else the name the
 * registry was given in Cratekeeper. Answers of config.json are kept per
 * index URL for the run (a failed fetch is asked again next time).
 */
export class RegistryNames {
  private readonly apiOfIndex = new Map<string, string | null>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly fetch: Fetch) {}

  async cargoNameOf(registry: Registry, config: unknown): Promise<string> {
    const base = withoutTrailingSlash(registry.baseUrl);
    if (base === CRATES_IO_ORIGIN) return CRATES_IO_CARGO_NAME;
    const registries = valueAt(config, ['registries']);
    if (typeof registries === 'object' && registries !== null) {
      const candidates = Object.entries(registries).flatMap(([name, table]) => {
        const index = valueAt(table, ['index']);
        return typeof index === 'string' ? [{ name, index }] : [];
      });
      const apis = await Promise.all(candidates.map(({ index }) => this.apiOf(index)));
      const match = candidates.find((_, position) => {
        const api = apis[position];
        return api !== null && api !== undefined && withoutTrailingSlash(api) === base;
      });
      if (match) return match.name;
    }
    return registry.name;
  }

  /**
   * The API base URL a sparse index's `config.json` names (no trailing
   * slash), or null: a git index, an index that cannot be asked, or none given.
   */
  async apiBaseOf(index: string): Promise<string | null> {
    const api = await this.apiOf(index);
    return api === null ? null : withoutTrailingSlash(api);
  }

  private async apiOf(index: string): Promise<string | null> {
    const known = this.apiOfIndex.get(index);
    if (known !== undefined) return known;
    const url = indexConfigUrl(index);
    if (!url) return null;
    const failed = this.failedAt.get(index);
    if (failed !== undefined && Date.now() - failed < RETRY_AFTER_MS) return null;
    try {
      const response = await this.fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) {
        this.failedAt.set(index, Date.now());
        return null;
      }
      const parsed = indexConfigSchema.safeParse(await response.json());
      const api = parsed.success ? (parsed.data.api ?? null) : null;
      this.apiOfIndex.set(index, api);
      return api;
    } catch {
      this.failedAt.set(index, Date.now());
      return null;
    }
  }
}
