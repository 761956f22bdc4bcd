import { IMPORTED_KEY_PREFIX } from './token';

/** Which registry token a list key names. */
export interface RegistryTokenRef {
  readonly accountId: string;
  readonly tokenId: number;
}

const TOKEN_ID = /^[0-9]{1,15}$/;

/**
 * The inverse of `tokenKeyOf` (`${accountId}/${tokenId}`). Account ids hold a
 * host and a user id, never a `/`, so the last `/` splits the two. Null for an
 * imported token's key or anything malformed.
 */
export function parseRegistryTokenKey(key: string): RegistryTokenRef | null {
  if (key.startsWith(IMPORTED_KEY_PREFIX)) return null;
  const slash = key.lastIndexOf('/');
  if (slash <= 0) return null;
  const idText = key.slice(slash + 1);
  if (!TOKEN_ID.test(idText)) return null;
  return { accountId: key.slice(0, slash), tokenId: Number(idText) };
}
