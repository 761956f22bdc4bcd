import {
  PROVIDER_AUDIT_LIMIT,
  type ProviderAuditEntry,
} from '../../../shared/domain/cargo-provider';

/**
 * The audit as shown: entries heard live (newest first) before the ones the
 * core listed, each once, at most as many as the core keeps.
 */
export function mergeAudit(
  live: readonly ProviderAuditEntry[],
  listed: readonly ProviderAuditEntry[],
  limit = PROVIDER_AUDIT_LIMIT,
): readonly ProviderAuditEntry[] {
  if (live.length === 0) return listed.length > limit ? listed.slice(0, limit) : listed;
  const seen = new Set<string>();
  const merged: ProviderAuditEntry[] = [];
  for (const entry of [...live, ...listed]) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    merged.push(entry);
    if (merged.length === limit) break;
  }
  return merged;
}
