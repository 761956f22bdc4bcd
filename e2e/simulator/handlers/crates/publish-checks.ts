import { checkCratePattern } from '../../../../shared/domain/crate-pattern';
import { badRequest } from '../../http/errors';
import { isSemver } from '../../models/semver';
import type { PublishMetadata } from './publish-body';

/** crates.io's rule for a crate name is the server's crate-pattern rule without the `*`. */
export function checkCrateName(name: string): void {
  if (name.includes('*') || !checkCratePattern(name).valid) {
    throw badRequest(
      `"${name}" is an invalid crate name (crate names must start with a letter, contain only letters, numbers, hyphens, or underscores and have at most 64 characters)`,
    );
  }
}

export function checkVersion(version: string): void {
  if (!isSemver(version)) throw badRequest(`"${version}" is an invalid semver version`);
}

function isEmpty(value: string | null | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** crates.io insists on a description and a license (or license file). */
export function checkRequiredMetadata(metadata: PublishMetadata): void {
  const missing: string[] = [];
  if (isEmpty(metadata.description)) missing.push('description');
  if (isEmpty(metadata.license) && isEmpty(metadata.license_file)) missing.push('license');
  if (missing.length === 0) return;
  throw badRequest(
    `missing or empty metadata fields: ${missing.join(', ')}. Please see https://doc.rust-lang.org/cargo/reference/manifest.html for more info on defining metadata.`,
  );
}
