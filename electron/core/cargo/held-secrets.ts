import { createHash } from 'node:crypto';
import type { VaultService } from '../vault-service';

const TOKEN_SECRET_PREFIX = 'token:';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * SHA-256 of every token secret the vault holds, by token key, so the
 * credentials file's tokens can be matched without sending a secret anywhere.
 * Each secret is decrypted once and its hash kept in memory; a secret that
 * leaves the vault (revoked, rotated away) is remembered by hash, so a file
 * still holding it can be called out. While a passphrase vault is locked,
 * the hashes already known are used.
 */
export class HeldSecretHashes {
  private readonly hashByKey = new Map<string, string>();
  private readonly goneKeyByHash = new Map<string, string>();

  constructor(private readonly vault: VaultService) {}

  /** hash → token key, for every token secret held now. */
  async current(): Promise<Map<string, string>> {
    const ids = this.vault.peek()?.ids('token') ?? [];
    const keys = new Set(ids.map((id) => id.slice(TOKEN_SECRET_PREFIX.length)));
    for (const [key, hash] of this.hashByKey) {
      if (!keys.has(key)) {
        this.hashByKey.delete(key);
        this.goneKeyByHash.set(hash, key);
      }
    }
    const unknown = [...keys].filter((key) => !this.hashByKey.has(key));
    if (unknown.length > 0) {
      let vault;
      try {
        vault = this.vault.get();
      } catch {
        vault = null; // Locked: match what is known; the rest once unlocked.
      }
      if (vault) {
        for (const key of unknown) {
          const secret = await vault.reveal(`${TOKEN_SECRET_PREFIX}${key}`).catch(() => null);
          if (secret !== null) this.hashByKey.set(key, sha256Hex(secret));
        }
      }
    }
    const byHash = new Map<string, string>();
    for (const [key, hash] of this.hashByKey) byHash.set(hash, key);
    return byHash;
  }

  /** The key of a token whose secret the vault held earlier in this run and no longer holds. */
  goneKey(hash: string): string | null {
    return this.goneKeyByHash.get(hash) ?? null;
  }

  /** The hash of one held token's secret (decrypting it when not known yet). */
  async hashOf(key: string): Promise<string | null> {
    const known = this.hashByKey.get(key);
    if (known) return known;
    const secret = await this.vault
      .get()
      .reveal(`${TOKEN_SECRET_PREFIX}${key}`)
      .catch(() => null);
    if (secret === null) return null;
    const hash = sha256Hex(secret);
    this.hashByKey.set(key, hash);
    return hash;
  }
}
