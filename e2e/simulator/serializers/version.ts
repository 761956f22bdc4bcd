import type { CrateRecord, VersionRecord } from '../models/crate';
import type { UserRecord } from '../models/user';
import { rfc3339 } from './time';
import { serializePublicUser } from './user';

/** openapi.json `Version`, as `GET /api/v1/crates/{name}` lists them. */
export function serializeVersion(
  krate: CrateRecord,
  version: VersionRecord,
  publisher: UserRecord | undefined,
) {
  const path = `/api/v1/crates/${krate.name}/${version.num}`;
  const publishedBy = publisher ? serializePublicUser(publisher) : null;
  return {
    id: version.id,
    crate: krate.name,
    num: version.num,
    dl_path: `${path}/download`,
    readme_path: `${path}/readme`,
    // Yanking is not timed in the simulator; the version's birth stands in.
    updated_at: rfc3339(version.createdAt),
    created_at: rfc3339(version.createdAt),
    downloads: 0,
    features: version.features,
    yanked: version.yanked,
    yank_message: null,
    lib_links: version.links,
    license: null,
    links: {
      dependencies: `${path}/dependencies`,
      version_downloads: `${path}/downloads`,
      authors: `${path}/authors`,
    },
    crate_size: version.crateFile?.length ?? 0,
    checksum: version.cksum,
    rust_version: version.rustVersion,
    has_lib: null,
    bin_names: null,
    edition: null,
    description: krate.description,
    homepage: krate.homepage,
    documentation: krate.documentation,
    repository: krate.repository,
    trustpub_data: null,
    linecounts: null,
    published_by: publishedBy,
    audit_actions: publishedBy
      ? [{ action: 'publish', user: publishedBy, time: rfc3339(version.createdAt) }]
      : [],
  };
}
