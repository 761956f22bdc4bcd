/**
 * Whether a token missing from an account's last list existed when that list
 * was fetched (and so was revoked since): crates.io numbers tokens in creation
 * order, so one numbered above every listed token was made afterwards (a
 * Create or Rotate moments ago) and is simply not listed yet.
 */
export function listedBefore(tokenId: number, listed: readonly { readonly id: number }[]): boolean {
  return listed.some((token) => token.id > tokenId);
}
