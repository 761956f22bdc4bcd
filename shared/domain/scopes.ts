import { z } from 'zod';

/** The endpoint scopes crates.io knows, in the order its website lists them. */
export const ENDPOINT_SCOPES = [
  'change-owners',
  'publish-new',
  'publish-update',
  'trusted-publishing',
  'yank',
] as const;

// Pure (a bundler hint): the token list needs the names, not the schema, nor zod.
export const endpointScopeSchema = /*#__PURE__*/ z.enum(ENDPOINT_SCOPES);
export type EndpointScope = z.infer<typeof endpointScopeSchema>;

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
