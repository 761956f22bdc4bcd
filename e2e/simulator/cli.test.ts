import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeRunning, parseCliArgs } from './cli-args';
import { REPO_ROOT } from './test-support/openapi';

describe('parseCliArgs', () => {
  it('defaults to the demo seed with the control endpoint on', () => {
    expect(parseCliArgs([])).toEqual({ port: 5198, seed: 'demo', latencyMs: 0, control: true });
  });

  it('reads port, seed, latency and --no-control', () => {
    const args = ['--port', '0', '--seed', 'generated:2x3', '--latency', '50', '--no-control'];
    expect(parseCliArgs(args)).toEqual({
      port: 0,
      seed: 'generated:2x3',
      latencyMs: 50,
      control: false,
    });
  });

  it.each([[['--port', 'x']], [['--port', '70000']], [['--latency', '-1']], [['--bogus']]])(
    'refuses %j',
    (args) => {
      expect(() => parseCliArgs(args)).toThrow();
    },
  );

  it('prints a cargo config snippet ready to paste', () => {
    const text = describeRunning('http://127.0.0.1:1', 'sparse+http://127.0.0.1:1/index/', true);
    expect(text).toContain('[registries.sim]\n  index = "sparse+http://127.0.0.1:1/index/"');
    expect(text).toContain('http://127.0.0.1:1/__control');
  });
});

describe('npm run simulator', () => {
  it('starts, prints its URLs and stops cleanly on SIGTERM', async () => {
    // As `npm run simulator` starts it: one Node process with tsx's loader. The
    // `tsx` command instead relays signals to a second process and kills it with
    // 143 when it has not answered within 30 ms, which a busy machine misses.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'e2e/simulator/cli.ts', '--port', '0', '--seed', 'minimal'],
      { cwd: REPO_ROOT },
    );
    let output = '';
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /crates\.io simulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
        if (url !== undefined && output.includes('Ctrl+C')) resolve(url);
      });
      child.on('exit', (code) => {
        reject(new Error(`exited early (${String(code)}): ${output}`));
      });
    });
    const url = await ready;
    const config = await fetch(`${url}/index/config.json`);
    expect(await config.json()).toEqual({ dl: `${url}/api/v1/crates`, api: url });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
