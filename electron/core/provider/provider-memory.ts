import {
  DEFAULT_PROVIDER_POLICY,
  PROVIDER_AUDIT_LIMIT,
  type ProviderAuditEntry,
  type ProviderPolicy,
} from '../../../shared/domain/cargo-provider';
import type { MetadataStore } from '../store/metadata-store';

/**
 * What the provider keeps in the metadata store: each registry's policy
 * (the default until the user changes it) and the audit of requests
 * answered, newest first, at most PROVIDER_AUDIT_LIMIT (metadata only: the
 * entries name tokens by key and name, never by secret).
 */
export class ProviderMemory {
  constructor(private readonly store: MetadataStore) {}

  policyOf(registryName: string): ProviderPolicy {
    const kept = this.store
      .get('provider')
      .policies.find((entry) => entry.registryName === registryName);
    return kept?.policy ?? DEFAULT_PROVIDER_POLICY;
  }

  setPolicy(registryName: string, change: Partial<ProviderPolicy>): ProviderPolicy {
    const memory = this.store.get('provider');
    const policy = { ...this.policyOf(registryName), ...change };
    const others = memory.policies.filter((entry) => entry.registryName !== registryName);
    this.store.set('provider', { ...memory, policies: [...others, { registryName, policy }] });
    return policy;
  }

  audit(): ProviderAuditEntry[] {
    return this.store.get('provider').audit;
  }

  record(entry: ProviderAuditEntry): void {
    const memory = this.store.get('provider');
    const audit = [entry, ...memory.audit].slice(0, PROVIDER_AUDIT_LIMIT);
    this.store.set('provider', { ...memory, audit });
  }
}
