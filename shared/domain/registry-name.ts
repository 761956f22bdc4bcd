import { z } from 'zod';

/** crates.io's name in cargo: its token goes under `[registry]`, never `[registries.NAME]`. */
export const CRATES_IO_REGISTRY_NAME = 'crates-io';
const CRATES_IO_BASE_URL = 'https://crates.io';

/**
 * Longer names are refused although cargo has no limit: a registry's name
 * becomes a TOML key and an environment variable (`CARGO_REGISTRIES_<NAME>_TOKEN`),
 * and no real configuration needs more.
 */
export const MAX_REGISTRY_NAME_LENGTH = 64;

const XID_START = /^\p{XID_Start}$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

/**
 * Why cargo would refuse `name` as a registry name (`[registries.NAME]`,
 * `--registry NAME`), or null. cargo's own rules and wording, verified with
 * cargo 1.95: not empty; the first character a Unicode XID start character
 * or `_`, never a digit; the others XID continue characters or `-`.
 */
export function registryNameProblem(name: string): string | null {
  if (name === '') return 'The registry name cannot be empty.';
  // Characters as cargo counts them (Rust chars: code points), which `for…of` walks.
  let count = 0;
  for (const char of name) {
    count += 1;
    if (count > MAX_REGISTRY_NAME_LENGTH) {
      return `The registry name is longer than ${MAX_REGISTRY_NAME_LENGTH} characters.`;
    }
    if (count === 1 && /^\d$/u.test(char)) {
      return `Invalid character "${char}" in registry name: the name cannot start with a digit.`;
    }
    if (count === 1 && !(char === '_' || XID_START.test(char))) {
      return `Invalid character "${char}" in registry name: the first character must be a letter or "_".`;
    }
    if (count > 1 && !(char === '-' || XID_CONTINUE.test(char))) {
      return `Invalid character "${char}" in registry name: use letters, digits, "-" and "_" only.`;
    }
  }
  return null;
}

/** A registry name as cargo accepts it. */
export const registryNameSchema = z.string().superRefine((name, context) => {
  const problem = registryNameProblem(name);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

/**
 * Why this name cannot stand for the registry at `baseUrl`, or null: a valid
 * cargo name, and `crates-io` is crates.io's and no one else's (cargo reads
 * crates.io's token from `[registry]`, so a second name for it is wrong too).
 */
export function registryNamingProblem(name: string, baseUrl: string): string | null {
  const problem = registryNameProblem(name);
  if (problem !== null) return problem;
  const isCratesIo = baseUrl === CRATES_IO_BASE_URL;
  if (name === CRATES_IO_REGISTRY_NAME && !isCratesIo) {
    return '"crates-io" is cargo\'s name for crates.io. Choose another name.';
  }
  if (isCratesIo && name !== CRATES_IO_REGISTRY_NAME) {
    return 'crates.io is called "crates-io" in cargo.';
  }
  return null;
}
