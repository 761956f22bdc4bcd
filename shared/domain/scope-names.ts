/**
 * The endpoint scopes crates.io knows, without zod: the token list's first
 * screen needs the names and words, and importing zod (whose locale set-up
 * runs at import) would bring it into the boot bundle. scopes.ts adds the schema.
 */
export const ENDPOINT_SCOPES = [
  'change-owners',
  'publish-new',
  'publish-update',
  'trusted-publishing',
  'yank',
] as const;

export type EndpointScope = (typeof ENDPOINT_SCOPES)[number];

/** Plain-language descriptions, as the crates.io website words them. */
export const ENDPOINT_SCOPE_DESCRIPTIONS: Readonly<Record<EndpointScope, string>> = {
  'change-owners': 'Invite new crate owners or remove existing ones',
  'publish-new': 'Publish new crates',
  'publish-update': 'Publish new versions of existing crates',
  'trusted-publishing': 'Manage trusted publishing configurations',
  yank: 'Yank and unyank crate versions',
};

/** True for a value crates.io accepts in `endpoint_scopes`. */
export function isEndpointScope(value: string): value is EndpointScope {
  return (ENDPOINT_SCOPES as readonly string[]).includes(value);
}
