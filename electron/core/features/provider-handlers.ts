import type { CallHandlers } from '../dispatch';
import type { ProviderService } from '../provider/provider-service';

export type ProviderHandlers = Pick<
  CallHandlers,
  | 'provider:status'
  | 'provider:connect'
  | 'provider:disconnect'
  | 'provider:set-policy'
  | 'provider:audit'
  | 'provider:pending-approvals'
  | 'provider:approve'
>;

/** cargo asks Cratekeeper: status, Connect/Disconnect cargo, policies, audit, approvals (never a secret). */
export function providerHandlers(provider: ProviderService): ProviderHandlers {
  return {
    'provider:status': () => provider.status(),
    'provider:connect': () => provider.connect(),
    'provider:disconnect': () => provider.disconnect(),
    'provider:set-policy': ({ registryName, policy }) => provider.setPolicy(registryName, policy),
    'provider:audit': () => Promise.resolve({ entries: provider.audit() }),
    'provider:pending-approvals': () => Promise.resolve({ requests: provider.pendingApprovals() }),
    'provider:approve': ({ id, allow }) => Promise.resolve(provider.approve(id, allow)),
  };
}
