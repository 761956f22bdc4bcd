import { createHash, randomInt } from 'node:crypto';
import type { EndpointScope } from '../../../shared/domain/scopes';

/** NOTES.md: tokens are `cio` followed by 32 ASCII alphanumerics. */
export const TOKEN_PREFIX = 'cio';
export const TOKEN_BODY_LENGTH = 32;
export const TOKEN_PATTERN = /^cio[A-Za-z0-9]{32}$/;
const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * An API token row. Like crates.io, only the SHA-256 of the secret is kept:
 * the plaintext exists once, in the create response.
 */
export interface TokenRecord {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly hash: string;
  readonly createdAt: Date;
  lastUsedAt: Date | null;
  readonly expiredAt: Date | null;
  /** null = a legacy token with every right. */
  readonly endpointScopes: readonly EndpointScope[] | null;
  /** null or empty = any crate. */
  readonly crateScopes: readonly string[] | null;
  revoked: boolean;
}

/** Hex SHA-256, the only form of a token the server stores. */
export function hashToken(plaintext: string): string {
  return createHash('sha256').update(plaintext).digest('hex');
}

/** A fresh secret from the OS's CSPRNG, shaped like crates.io's. */
export function generateTokenPlaintext(pick: (max: number) => number = randomInt): string {
  let body = '';
  for (let index = 0; index < TOKEN_BODY_LENGTH; index += 1) {
    body += ALPHANUMERICS.charAt(pick(ALPHANUMERICS.length));
  }
  return TOKEN_PREFIX + body;
}

/** crates.io's lookup filter: not revoked and not past `expired_at`. */
export function isTokenActive(token: TokenRecord, now: Date): boolean {
  if (token.revoked) return false;
  return token.expiredAt === null || token.expiredAt.getTime() > now.getTime();
}
