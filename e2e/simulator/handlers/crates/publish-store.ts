import { createHash } from 'node:crypto';
import type { CrateRecord, VersionRecord } from '../../models/crate';
import type { IndexDependency } from '../../models/index-entry';
import type { SimulatorState } from '../../state/simulator-state';
import type { PublishMetadata, PublishUpload } from './publish-body';

function toIndexDependencies(metadata: PublishMetadata): IndexDependency[] {
  return metadata.deps.map((dep) => {
    const renamed = dep.explicit_name_in_toml ?? null;
    return {
      name: renamed ?? dep.name,
      req: dep.version_req,
      features: dep.features,
      optional: dep.optional,
      default_features: dep.default_features,
      target: dep.target,
      kind: dep.kind,
      registry: dep.registry ?? null,
      package: renamed === null ? null : dep.name,
    };
  });
}

function newVersion(sim: SimulatorState, upload: PublishUpload, userId: number): VersionRecord {
  const { metadata, crateFile } = upload;
  return {
    id: sim.db.nextId('version'),
    num: metadata.vers,
    yanked: false,
    createdAt: sim.clock.now(),
    cksum: createHash('sha256').update(crateFile).digest('hex'),
    crateFile,
    deps: toIndexDependencies(metadata),
    features: metadata.features,
    links: metadata.links ?? null,
    rustVersion: metadata.rust_version ?? null,
    publishedBy: userId,
  };
}

/** Records a published version, creating the crate (owned by the publisher) if new. */
export function storePublished(
  sim: SimulatorState,
  existing: CrateRecord | undefined,
  upload: PublishUpload,
  userId: number,
): CrateRecord {
  const { metadata } = upload;
  const now = sim.clock.now();
  const krate: CrateRecord = existing ?? {
    id: sim.db.nextId('crate'),
    name: metadata.name,
    description: null,
    homepage: null,
    documentation: null,
    repository: null,
    createdAt: now,
    updatedAt: now,
    downloads: 0,
    versions: [],
    ownerIds: [userId],
    trustpubOnly: false,
  };
  if (!existing) sim.db.crates.push(krate);
  krate.versions.push(newVersion(sim, upload, userId));
  krate.description = metadata.description ?? null;
  krate.homepage = metadata.homepage ?? null;
  krate.documentation = metadata.documentation ?? null;
  krate.repository = metadata.repository ?? null;
  krate.updatedAt = now;
  return krate;
}
