/** The vault id of a token's secret, by the token's list key. */
export function tokenSecretId(tokenKey: string): string {
  return `token:${tokenKey}`;
}
