import type { CrateRecord, VersionRecord } from '../models/crate';
import { compareSemver, isPrerelease } from '../models/semver';
import { rfc3339 } from './time';

function highest(versions: readonly VersionRecord[]): string | null {
  const sorted = versions.map((version) => version.num).sort(compareSemver);
  return sorted.at(-1) ?? null;
}

/** crates.io's default version: highest stable unyanked, else highest unyanked, else highest. */
function defaultVersion(krate: CrateRecord): string | null {
  const unyanked = krate.versions.filter((version) => !version.yanked);
  const stable = unyanked.filter((version) => !isPrerelease(version.num));
  return highest(stable) ?? highest(unyanked) ?? highest(krate.versions);
}

/** openapi.json `Crate` as list and publish answers carry it (no versions inline). */
export function serializeCrate(krate: CrateRecord) {
  const unyanked = krate.versions.filter((version) => !version.yanked);
  const path = `/api/v1/crates/${krate.name}`;
  return {
    id: krate.name,
    name: krate.name,
    description: krate.description,
    homepage: krate.homepage,
    documentation: krate.documentation,
    repository: krate.repository,
    created_at: rfc3339(krate.createdAt),
    updated_at: rfc3339(krate.updatedAt),
    downloads: krate.downloads,
    recent_downloads: Math.floor(krate.downloads / 10),
    num_versions: krate.versions.length,
    yanked: unyanked.length === 0,
    default_version: defaultVersion(krate),
    max_version: highest(unyanked) ?? '0.0.0',
    max_stable_version: highest(unyanked.filter((version) => !isPrerelease(version.num))),
    newest_version: krate.versions.at(-1)?.num ?? '0.0.0',
    badges: [],
    categories: null,
    keywords: null,
    versions: null,
    exact_match: false,
    trustpub_only: krate.trustpubOnly,
    links: {
      owner_team: `${path}/owner_team`,
      owner_user: `${path}/owner_user`,
      owners: `${path}/owners`,
      reverse_dependencies: `${path}/reverse_dependencies`,
      version_downloads: `${path}/downloads`,
      versions: `${path}/versions`,
    },
  };
}

/**
 * The crate in a `PATCH /api/v1/crates/{name}` answer: crates.io builds it
 * without version data (`max_version`/`newest_version` "0.0.0", the rest null).
 */
export function serializeCrateWithoutVersions(krate: CrateRecord) {
  return {
    ...serializeCrate(krate),
    max_version: '0.0.0',
    newest_version: '0.0.0',
    max_stable_version: null,
  };
}

/** An entry of `/me`'s `owned_crates`. */
export function serializeOwnedCrate(krate: CrateRecord) {
  return { id: krate.id, name: krate.name, email_notifications: true };
}
