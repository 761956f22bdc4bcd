import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An error answer in crates.io's envelope `{"errors":[{"detail":"..."}]}`.
 * `logCause` is what crates.io writes to its request log, never to the client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly logCause: string | null = null,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export interface ErrorEnvelope {
  readonly errors: readonly { readonly detail: string }[];
}

export function errorEnvelope(detail: string): ErrorEnvelope {
  return { errors: [{ detail }] };
}

export const badRequest = (detail: string): ApiError => new ApiError(400, detail);

export const forbidden = (detail: string, logCause: string | null = null): ApiError =>
  new ApiError(403, detail, logCause);

/** crates.io's generic answer for a missing row. */
export const notFound = (detail = 'Not Found'): ApiError => new ApiError(404, detail);

export const crateNotFound = (name: string): ApiError =>
  notFound(`crate \`${name}\` does not exist`);

export const versionNotFound = (name: string, version: string): ApiError =>
  notFound(`crate \`${name}\` does not have a version \`${version}\``);
