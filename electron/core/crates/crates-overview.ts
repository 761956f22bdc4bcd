import type { Account } from '../../../shared/domain/account';
import { crateKeyOf, type CrateView, type CratesOverview } from '../../../shared/domain/crates';
import type { AccountFailure } from '../../../shared/domain/token';
import type { GithubConfig, GitlabConfig } from '../../../shared/domain/trusted-publishing';
import type { AccountBook } from '../account-book';
import type { RegistryClient } from '../registry-client';
import { RegistryError } from '../registry-errors';
import { listRefusalText } from '../registry-messages';
import { describeFailure } from '../token-lister';
import { readOwnedCrates } from './owned-crates-reader';
import { TrustedPublishingClient } from './trusted-publishing-client';
import type { CrateWire } from './trusted-publishing-wire';

/** One account's configurations, or why they could not be read. */
type ConfigsRead =
  | { readonly github: GithubConfig[]; readonly gitlab: GitlabConfig[] }
  | { readonly unknown: string };

function hostOf(account: Account): string {
  return new URL(account.registry.baseUrl).host;
}

/** The sentence a crate shows when its configurations could not be read. */
function configsUnknownText(error: unknown, host: string): string {
  let reason = 'The registry could not be read.';
  if (error instanceof RegistryError) reason = listRefusalText(error);
  else if (error instanceof Error) reason = error.message;
  return `Trusted publishing could not be read from ${host}. ${reason}`;
}

/** Every configuration of every crate the user owns directly; a failure is kept, not thrown. */
async function readConfigs(
  tp: TrustedPublishingClient,
  userId: number,
  host: string,
): Promise<ConfigsRead> {
  try {
    const [github, gitlab] = await Promise.all([
      tp.githubConfigs({ userId }),
      tp.gitlabConfigs({ userId }),
    ]);
    return { github, gitlab };
  } catch (error) {
    return { unknown: configsUnknownText(error, host) };
  }
}

function configsOf<T extends { readonly crate: string }>(
  configs: readonly T[],
  crate: string,
): T[] {
  return configs.filter((config) => config.crate === crate);
}

/** One account's crates as the page shows them, before merging with other accounts'. */
function viewsOf(
  account: Account,
  owned: readonly string[],
  details: readonly CrateWire[],
  configs: ConfigsRead,
): CrateView[] {
  const detailsByName = new Map(details.map((crate) => [crate.name, crate]));
  return [...new Set(owned)].map((name) => {
    const detail = detailsByName.get(name);
    const view = {
      key: crateKeyOf(account.registry.name, name),
      name,
      registryName: account.registry.name,
      description: detail?.description ?? null,
      repository: detail?.repository ?? null,
      ownerAccountIds: [account.id],
    };
    if ('unknown' in configs) {
      return { ...view, trustedPublishing: null, trustedPublishingUnknown: configs.unknown };
    }
    if (!detail) {
      // Without the crate's own entry its trustpub_only is not known.
      const unknown = `${hostOf(account)} did not list ${name} among the account's crates; its trusted publishing is not known.`;
      return { ...view, trustedPublishing: null, trustedPublishingUnknown: unknown };
    }
    return {
      ...view,
      trustedPublishing: {
        githubConfigs: configsOf(configs.github, name),
        gitlabConfigs: configsOf(configs.gitlab, name),
        trustpubOnly: detail.trustpub_only,
      },
      trustedPublishingUnknown: null,
    };
  });
}

/**
 * One account's crates: `/me` (which also proves the session: the crate list
 * is public), the crate list and both providers' configurations, at once.
 * The configurations failing leaves the crates, marked as not known.
 */
async function readAccount(account: Account, client: RegistryClient): Promise<CrateView[]> {
  const host = hostOf(account);
  const tp = new TrustedPublishingClient(client, host);
  const [me, details, configs] = await Promise.allSettled([
    client.me(),
    readOwnedCrates(client, host, account.userId),
    readConfigs(tp, account.userId, host),
  ]);
  // /me's failure first: a refused session must sign the account out whatever else failed.
  if (me.status === 'rejected') throw me.reason;
  if (details.status === 'rejected') throw details.reason;
  if (configs.status === 'rejected') throw configs.reason;
  const owned = me.value.owned_crates.map((crate) => crate.name);
  return viewsOf(account, owned, details.value, configs.value);
}

/** Folds a crate owned by several accounts of one registry into one entry, owners in account order. */
function merge(into: Map<string, CrateView>, view: CrateView): void {
  const known = into.get(view.key);
  if (!known) {
    into.set(view.key, view);
    return;
  }
  // Configurations are the crate's, not the account's: the first account that read them tells.
  const readable = known.trustedPublishing ?? view.trustedPublishing;
  into.set(view.key, {
    ...known,
    description: known.description ?? view.description,
    repository: known.repository ?? view.repository,
    ownerAccountIds: [...known.ownerAccountIds, ...view.ownerAccountIds],
    trustedPublishing: readable,
    trustedPublishingUnknown: readable === null ? known.trustedPublishingUnknown : null,
  });
}

function byNameThenRegistry(a: CrateView, b: CrateView): number {
  const byName = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
  if (byName !== 0) return byName;
  return a.registryName.localeCompare(b.registryName, 'en');
}

/**
 * Every crate every signed-in account owns, read in parallel. One account
 * failing does not hide the others: it is reported beside them, as the
 * token list does (a refused session signs it out).
 */
export async function cratesOverview(book: AccountBook): Promise<CratesOverview> {
  const now = book.clock.now();
  const accounts = book.list().filter((account) => account.status === 'signed-in');
  const results = await Promise.allSettled(
    accounts.map(async (account) => {
      const client = await book.clientFor(account.id);
      return client ? readAccount(account, client) : [];
    }),
  );
  const crates = new Map<string, CrateView>();
  const failures: AccountFailure[] = [];
  for (const [index, result] of results.entries()) {
    const account = accounts[index];
    if (!account) continue;
    if (result.status === 'fulfilled') {
      for (const view of result.value) merge(crates, view);
      continue;
    }
    const failure = await describeFailure(book, account, result.reason, now);
    failures.push({ ...failure.entry, lastKnownAt: null });
  }
  return {
    crates: [...crates.values()].sort(byNameThenRegistry),
    fetchedAt: now.toISOString(),
    failures,
  };
}
