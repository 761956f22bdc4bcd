import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { build } from 'esbuild';

/**
 * Test support for "a kill at any moment leaves a readable store"
 * (PRODUCT.md, "Nothing lost"): a child process writes a file in a loop and is
 * SIGKILLed at random moments; after every kill the test checks the file.
 *
 * Restarting the child dozens of times is the cost of such a test, so: the
 * child is bundled once to plain JavaScript (a bare `node` start, not a
 * TypeScript loader's), and the next child is started while the current one
 * runs, then told to begin (one line on stdin, see child-start.ts) only after
 * the file was checked.
 */

/** Bundles a child entry (and everything it imports) into one runnable file. */
export async function bundleChild(entry: string): Promise<string> {
  const outfile = join(await mkdtemp(join(tmpdir(), 'ck-kill-child-')), 'child.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    // CommonJS dependencies (write-file-atomic, ajv) use require() and __filename; provide both.
    banner: {
      js: [
        "import { createRequire as __ckRequire } from 'node:module';",
        "import { fileURLToPath as __ckPath } from 'node:url';",
        'const require = __ckRequire(import.meta.url);',
        'const __filename = __ckPath(import.meta.url);',
      ].join(' '),
    },
  });
  return outfile;
}

export interface KillRun {
  /** Highest generation the child reported as written before it was killed. */
  readonly lastAcked: number;
}

export interface KillMoment {
  /** Kill after a random delay up to this long once the child's first write completed. */
  readonly maxDelayMs: number;
  /**
   * Or kill the moment a file starting with `prefix` appears in `dir`: the
   * writer's temporary file, so the kill lands inside a write. On a busy
   * machine purely random kills can mostly miss the few milliseconds a write
   * takes; this makes sure many do not.
   */
  readonly whenTempFile?: { readonly dir: string; readonly prefix: string };
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

export class KillLoop {
  private spare: Child;

  constructor(
    private readonly bundle: string,
    private readonly env: NodeJS.ProcessEnv = {},
  ) {
    this.spare = this.spawn();
  }

  /**
   * Lets the waiting child begin with `startLine`, waits for its first
   * completed write (so the kill lands inside the write loop, not in
   * start-up), then SIGKILLs it at the chosen moment. The child prints one
   * line with the generation number after each write.
   */
  killOnce(startLine: string, moment: KillMoment): Promise<KillRun> {
    const child = this.spare;
    this.spare = this.spawn();
    return new Promise((resolve, reject) => {
      let buffered = '';
      let stderr = '';
      let lastAcked = -1;
      let armed = false;
      const timers: NodeJS.Timeout[] = [];
      const kill = (): void => {
        child.kill('SIGKILL');
      };
      const watcher = moment.whenTempFile
        ? watch(moment.whenTempFile.dir, (_event, name) => {
            if (armed && name?.startsWith(moment.whenTempFile?.prefix ?? '')) kill();
          })
        : null;
      child.stdout.on('data', (chunk: string) => {
        const lines = (buffered + chunk).split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) lastAcked = Math.max(lastAcked, Number(line));
        if (armed) return;
        armed = true;
        // With a watcher, the delay is only a fallback should no temporary file be seen.
        const delay = Math.random() * moment.maxDelayMs + (watcher ? 1000 : 0);
        timers.push(setTimeout(kill, delay));
      });
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code, signal) => {
        timers.forEach(clearTimeout);
        watcher?.close();
        if (signal !== 'SIGKILL' || stderr !== '') {
          reject(new Error(`child failed (code ${code}, signal ${signal}): ${stderr}`));
        } else {
          resolve({ lastAcked });
        }
      });
      child.stdin.end(`${startLine}\n`);
    });
  }

  dispose(): void {
    this.spare.kill('SIGKILL');
  }

  private spawn(): Child {
    const child = spawn(process.execPath, [this.bundle], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...this.env },
    });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    // The spare may be killed by dispose() before it ever starts; that is not an error.
    child.on('error', () => undefined);
    return child;
  }
}
