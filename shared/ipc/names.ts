/**
 * The names of the contract's calls and events, as plain data. The preload
 * and the harness bridge only need these to build the API object, so they
 * import this module and not contract.ts, which brings zod and every schema.
 * contract.ts gives each name its schemas, and the compiler checks that both
 * lists match its tables exactly.
 */
export const CALL_NAMES = [
  'accounts:list',
  'tokens:list',
  'accounts:sign-in',
  'accounts:sign-out',
  'accounts:remove',
  'vault:status',
  'vault:use-passphrase',
  'vault:unlock',
  'vault:lock',
  'tokens:import',
  'tokens:reveal',
  'tokens:copy',
  'tokens:create',
  'tokens:revoke',
  'tokens:rotate',
  'accounts:crates',
  'settings:get',
  'settings:update',
  'watch:attention',
  'watch:attention-keys',
  'watch:refresh-now',
  'tokens:forget',
  'cargo:status',
  'cargo:plan',
  'cargo:write',
  'cargo:remove',
  'cargo:import',
  'provider:status',
  'provider:connect',
  'provider:disconnect',
  'provider:set-policy',
  'provider:audit',
  'provider:pending-approvals',
  'provider:approve',
  'crates:overview',
  'crates:add-github-config',
  'crates:add-gitlab-config',
  'crates:delete-config',
  'crates:set-trustpub-only',
  'crates:retire-tokens',
] as const;

export const EVENT_NAMES = [
  'accounts:changed',
  'vault:changed',
  'watch:changed',
  'app:navigate',
  'cargo:changed',
  'provider:approval-requested',
  'provider:answered',
  'provider:changed',
] as const;

export type CallName = (typeof CALL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

// Sets, not an object's keys: `toString` or `__proto__` must never count as a name.
const CALLS: ReadonlySet<string> = new Set(CALL_NAMES);
const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isCallName(value: string): value is CallName {
  return CALLS.has(value);
}

export function isEventName(value: string): value is EventName {
  return EVENTS.has(value);
}
