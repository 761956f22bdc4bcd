import type { FeatureMap, IndexDependency } from './index-entry';

/** One published version of a crate. */
export interface VersionRecord {
  readonly id: number;
  readonly num: string;
  yanked: boolean;
  readonly createdAt: Date;
  /** SHA-256 of the .crate file, as the index advertises it. */
  readonly cksum: string;
  /** The uploaded .crate; seeded versions have none. */
  readonly crateFile: Uint8Array | null;
  readonly deps: readonly IndexDependency[];
  readonly features: FeatureMap;
  readonly links: string | null;
  readonly rustVersion: string | null;
  readonly publishedBy: number | null;
}

/** A crate and who owns it (user owners only; teams are out of scope). */
export interface CrateRecord {
  readonly id: number;
  readonly name: string;
  description: string | null;
  homepage: string | null;
  documentation: string | null;
  repository: string | null;
  readonly createdAt: Date;
  updatedAt: Date;
  downloads: number;
  readonly versions: VersionRecord[];
  readonly ownerIds: number[];
  /** Only trusted publishing may publish new versions (PATCH /api/v1/crates/{name}). */
  trustpubOnly: boolean;
}

/**
 * crates.io treats names that differ only in case or in `-` versus `_` as the
 * same crate; this is the key it compares.
 */
export function canonicalCrateName(name: string): string {
  return name.toLowerCase().replaceAll('-', '_');
}

/** The newest version by publication, which crates.io calls `newest_version`. */
export function newestVersion(krate: CrateRecord): VersionRecord | undefined {
  return krate.versions.at(-1);
}
