import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { signInOverHttp } from '../simulator/sign-in-client';

/** The simulator in its own process, so its CPU work does not count as the core's. */
export interface SimulatorProcess {
  readonly url: string;
  /** Delays every API answer by `ms` (the control endpoint). */
  setLatency(ms: number): Promise<void>;
  /** A session cookie for a seeded user, signed in as a browser would. */
  cookieFor(login: string): Promise<string>;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const URL_LINE = /^crates\.io simulator: (http:\/\/127\.0\.0\.1:\d+)$/m;

export async function spawnSimulator(seed: string): Promise<SimulatorProcess> {
  const child = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'e2e', 'simulator', 'cli.ts'), '--port', '0', '--seed', seed],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await urlFrom(child);
  return {
    url,
    setLatency: async (ms) => {
      const response = await fetch(`${url}/__control/latency`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ms }),
      });
      if (!response.ok) throw new Error(`setting the latency failed: HTTP ${response.status}`);
    },
    cookieFor: (login) => signInOverHttp(url, login),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

function urlFrom(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = URL_LINE.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => {
      reject(new Error(`the simulator exited (${code}) before it listened:\n${output}`));
    });
  });
}
