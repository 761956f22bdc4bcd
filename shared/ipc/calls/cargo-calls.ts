import { z } from 'zod';
import { cargoStatusSchema, cargoWritePlanSchema } from '../../domain/cargo-use';
import { tokenViewSchema } from '../../domain/token';

const cargoRegistryNameInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A cargo registry name has letters, digits, - and _ only.');

/** Handing tokens to cargo (issue: one click into cargo). No call here returns a secret. */
export const cargoCalls = {
  /** Which token cargo reads for each registry (matched by SHA-256 in the core). */
  'cargo:status': () => ({
    input: z.object({}).strict(),
    output: cargoStatusSchema,
  }),
  /** What "Use with cargo" would change for this token, and what would override it. */
  'cargo:plan': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: cargoWritePlanSchema,
  }),
  /** Writes the token's secret at its registry's key, every other byte unchanged. */
  'cargo:write': () => ({
    input: z.object({ key: z.string().min(1) }).strict(),
    output: cargoStatusSchema,
  }),
  /** Takes the registry's token out of the credentials file the same way. */
  'cargo:remove': () => ({
    input: z.object({ registry: cargoRegistryNameInput }).strict(),
    output: cargoStatusSchema,
  }),
  /** Imports the token cargo has for this registry (one the app does not hold). */
  'cargo:import': () => ({
    input: z.object({ registry: cargoRegistryNameInput }).strict(),
    output: tokenViewSchema,
  }),
} as const;

export const cargoEvents = {
  /** The credentials file changed on disk (watched, and re-read on window focus). */
  'cargo:changed': () => ({ payload: cargoStatusSchema }),
} as const;
