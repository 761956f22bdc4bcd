import { CRATES_IO_REGISTRY } from './cargo-env';

/** A cargo registry name as a sentence says it: crates.io by its name, others as cargo knows them. */
export function registryTextOf(registry: string): string {
  return registry === CRATES_IO_REGISTRY ? 'crates.io' : `the registry “${registry}”`;
}
