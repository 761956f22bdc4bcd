import type { Page, Route } from '@playwright/test';
import type {
  ApprovalRequest,
  ProviderAuditEntry,
  ProviderStatus,
} from '../../shared/domain/cargo-provider';
import { HARNESS_CALL_PATH } from '../harness/paths';

/** One call the page made to the stand-in provider core. */
export interface RecordedProviderCall {
  readonly name: string;
  readonly input: unknown;
}

/**
 * A stand-in for the provider's side of the core, answering the page's
 * `provider:*` calls (and `cargo:remove`) from memory, so the window can be
 * tested before (and apart from) the real handlers. Every call is recorded.
 */
export class FakeProviderCore {
  readonly calls: RecordedProviderCall[] = [];
  status: ProviderStatus;
  audit: ProviderAuditEntry[] = [];
  pending: ApprovalRequest[] = [];

  constructor(status: ProviderStatus) {
    this.status = status;
  }

  /** Routes the page's calls here; before the page loads, so the calls at start are caught too. */
  async install(page: Page): Promise<void> {
    await page.route(
      (url) =>
        url.pathname.startsWith(`${HARNESS_CALL_PATH}provider%3A`) ||
        url.pathname.startsWith(`${HARNESS_CALL_PATH}provider:`) ||
        url.pathname === `${HARNESS_CALL_PATH}cargo%3Aremove` ||
        url.pathname === `${HARNESS_CALL_PATH}cargo:remove`,
      (route) => this.answer(route),
    );
  }

  callsNamed(name: string): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.input);
  }

  private async answer(route: Route): Promise<void> {
    const request = route.request();
    const name = decodeURIComponent(
      new URL(request.url()).pathname.slice(HARNESS_CALL_PATH.length),
    );
    const input: unknown = request.postDataJSON();
    this.calls.push({ name, input });
    await route.fulfill({ json: { ok: true, value: this.valueOf(name, input) } });
  }

  private valueOf(name: string, input: unknown): unknown {
    switch (name) {
      case 'provider:connect':
        this.status = { ...this.status, connected: true };
        return this.status;
      case 'provider:disconnect':
        this.status = { ...this.status, connected: false };
        return this.status;
      case 'provider:set-policy':
        this.status = withPolicy(this.status, input);
        return this.status;
      case 'provider:audit':
        return { entries: this.audit };
      case 'provider:pending-approvals':
        return { requests: this.pending };
      case 'provider:approve':
        return { id: (input as { id: string }).id };
      case 'cargo:remove': {
        const registry = (input as { registry: string }).registry;
        this.status = {
          ...this.status,
          registries: this.status.registries.map((entry) =>
            entry.registryName === registry ? { ...entry, plaintextInCredentials: false } : entry,
          ),
        };
        // The page reloads the provider status; what cargo:remove answers is not read.
        return { cargoHome: null, credentialsFile: null, problem: null, registries: [] };
      }
      default:
        return this.status;
    }
  }
}

function withPolicy(status: ProviderStatus, input: unknown): ProviderStatus {
  const { registryName, policy } = input as {
    registryName: string;
    policy: Partial<ProviderStatus['registries'][number]['policy']>;
  };
  return {
    ...status,
    registries: status.registries.map((entry) =>
      entry.registryName === registryName
        ? { ...entry, policy: { ...entry.policy, ...policy } }
        : entry,
    ),
  };
}
