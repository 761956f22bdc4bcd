import { createHash } from 'node:crypto';
import type { Clipboard, Clock } from './ports';

export interface SecretClipboardOptions {
  readonly clipboard: Clipboard;
  readonly clock: Clock;
  /** Read at each copy, so a changed setting applies to the next one. */
  readonly clearAfterSeconds: () => number;
}

export interface CopiedSecret {
  /** When the clipboard is emptied, unless the user copies something else first. */
  readonly clearsAt: string;
  readonly clearAfterSeconds: number;
}

/**
 * Puts a secret on the system clipboard and takes it off again after the
 * configured time, on vault lock and on quit, but only while the clipboard
 * still holds that secret: what the user copied since is never wiped. Only a
 * hash of the secret is kept to recognise it, so the secret does not linger
 * in this process's memory for the whole delay.
 */
export class SecretClipboard {
  private pending: { readonly fingerprint: string; readonly timer: NodeJS.Timeout } | null = null;

  constructor(private readonly options: SecretClipboardOptions) {}

  async copy(secret: string): Promise<CopiedSecret> {
    this.cancelTimer();
    await this.options.clipboard.writeText(secret);
    const seconds = this.options.clearAfterSeconds();
    const timer = setTimeout(() => {
      void this.clearIfOurs();
    }, seconds * 1000);
    // A pending clear must not keep a closing process alive; quit clears it itself.
    timer.unref();
    this.pending = { fingerprint: fingerprintOf(secret), timer };
    const clearsAt = new Date(this.options.clock.now().getTime() + seconds * 1000);
    return { clearsAt: clearsAt.toISOString(), clearAfterSeconds: seconds };
  }

  /** True while a copied secret may still be on the clipboard. */
  holdsSecret(): boolean {
    return this.pending !== null;
  }

  /** Empties the clipboard if it still holds the last secret copied; true if it did. */
  async clearIfOurs(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return false;
    this.cancelTimer();
    const current = await this.options.clipboard.readText();
    if (fingerprintOf(current) !== pending.fingerprint) return false;
    await this.options.clipboard.clear();
    return true;
  }

  private cancelTimer(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = null;
  }
}

function fingerprintOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
