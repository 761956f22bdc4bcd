import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'e2e', 'simulator', 'cli.ts');
/** The line the simulator CLI prints once it listens. */
const LISTENING = /^crates\.io simulator: (http:\/\/127\.0\.0\.1:\d+)$/m;

export interface SimulatorProcess {
  readonly url: string;
  readonly pid: number;
  /** Stops the process (SIGTERM, then SIGKILL if it lingers). */
  stop(): Promise<void>;
}

/**
 * `tsx e2e/simulator/cli.ts --port 0 --seed SEED` in a process of its own, so
 * the simulator's work is neither on the bench's event loop (which also runs
 * the harness and the core) nor counted as the app's. Resolves once it listens.
 */
export async function spawnSimulator(seed: string): Promise<SimulatorProcess> {
  // One process: node with tsx's loader (the tsx command would add a second one).
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--seed', seed], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { pid } = child;
  if (pid === undefined) throw new Error('the simulator process did not start');
  // Should the bench die without stopping it, the simulator goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let url: string;
  try {
    url = await listeningUrl(child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { url, pid, stop: () => stop(child) };
}

function listeningUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`the simulator did not listen within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited (${signal ?? code}) before it listened:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
