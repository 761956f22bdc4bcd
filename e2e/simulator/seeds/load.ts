import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { generateSeed, parseGeneratedSeedName } from './generate';
import { seedFileSchema, type SeedFile } from './schema';

/** Seeds shipped with the simulator, by name. */
export const BUILT_IN_SEEDS = ['demo', 'minimal'] as const;
export const DEFAULT_SEED = 'demo';

function parseSeed(json: unknown, origin: string): SeedFile {
  const parsed = seedFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Seed ${origin} is not valid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function readSeedFile(path: string): SeedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read seed file ${path}.`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`Seed file ${path} is not JSON.`, { cause });
  }
  return parseSeed(json, path);
}

/**
 * Resolves a seed option: a built-in name (`demo`, `minimal`), `generated:UxT`
 * (U users × T tokens) or `generated:UxT:live` (none revoked or expired), a path to a JSON seed file, or a seed object.
 */
export function loadSeed(seed: string | SeedFile = DEFAULT_SEED): SeedFile {
  if (typeof seed !== 'string') return parseSeed(seed, '(object)');
  if ((BUILT_IN_SEEDS as readonly string[]).includes(seed)) {
    return readSeedFile(fileURLToPath(new URL(`./${seed}.json`, import.meta.url)));
  }
  const generated = parseGeneratedSeedName(seed);
  if (generated) return generateSeed(generated);
  return readSeedFile(seed);
}
