import type { Readable } from 'node:stream';

/** What reading one line gave: the line, or why there is none. */
export type LineResult =
  | { readonly kind: 'line'; readonly line: string }
  /** More than the cap arrived without a newline; reading stopped there. */
  | { readonly kind: 'too-long' }
  /** The stream ended first; `partial` is what came before the end (maybe empty). */
  | { readonly kind: 'end'; readonly partial: string }
  | { readonly kind: 'error'; readonly error: Error }
  | { readonly kind: 'timeout' };

export interface LineReadOptions {
  /** The longest line accepted, in bytes, without its newline. */
  readonly maxBytes: number;
  /** Give up after this long; no limit when absent. */
  readonly timeoutMs?: number;
}

const NEWLINE = 0x0a;

/**
 * Reads exactly one newline-terminated line (UTF-8, a trailing `\r` dropped)
 * and stops listening: both protocols the provider speaks are one line each
 * way, and the peer keeps its end open until it has our answer, so waiting for
 * the stream's end would deadlock. Bytes after the newline are ignored.
 */
export function readOneLine(stream: Readable, options: LineReadOptions): Promise<LineResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;

    const finish = (result: LineResult): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      if (timer !== undefined) clearTimeout(timer);
      stream.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const at = bytes.indexOf(NEWLINE);
      const taken = at === -1 ? bytes : bytes.subarray(0, at);
      size += taken.length;
      if (size > options.maxBytes) {
        finish({ kind: 'too-long' });
        return;
      }
      chunks.push(taken);
      if (at !== -1) finish({ kind: 'line', line: text(chunks) });
    };
    const onEnd = (): void => {
      finish({ kind: 'end', partial: text(chunks) });
    };
    const onError = (error: Error): void => {
      finish({ kind: 'error', error });
    };

    if (stream.readableEnded) {
      resolve({ kind: 'end', partial: '' });
      return;
    }
    if (options.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        finish({ kind: 'timeout' });
      }, options.timeoutMs);
    }
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

function text(chunks: readonly Buffer[]): string {
  const line = Buffer.concat(chunks).toString('utf8');
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
