import type { RegistryHttpLimits } from '../http/http-limits';

export const KiB = 1024;
export const MiB = 1024 * KiB;

/**
 * Limits for tests of the registry client: the caps given, time limits a busy
 * machine never reaches, and one variant each where only the time limit under
 * test is short, so load cannot make the other one fire first.
 */
export function testHttpLimits(
  caps: Pick<RegistryHttpLimits, 'maxListBytes' | 'maxAnswerBytes'>,
  shortMs: number,
): { roomy: RegistryHttpLimits; quickHeaders: RegistryHttpLimits; quickBody: RegistryHttpLimits } {
  const roomy: RegistryHttpLimits = { headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, ...caps };
  return {
    roomy,
    quickHeaders: { ...roomy, headersTimeoutMs: shortMs },
    quickBody: { ...roomy, bodyTimeoutMs: shortMs },
  };
}
