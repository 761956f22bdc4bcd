import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './seeds/load';

export interface CliOptions {
  readonly port: number;
  readonly seed: string;
  readonly latencyMs: number;
  readonly control: boolean;
}

export const USAGE = `Usage: npm run simulator -- [--port P] [--seed demo|minimal|generated:UxT[:live]|FILE] [--latency MS] [--no-control]`;

function wholeNumber(value: string, flag: string, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > max) {
    throw new Error(`${flag} must be a whole number up to ${max}, not "${value}".`);
  }
  return number;
}

/** Parses the simulator CLI's arguments; throws with a readable message on bad input. */
export function parseCliArgs(args: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '5198' },
      seed: { type: 'string', default: DEFAULT_SEED },
      latency: { type: 'string', default: '0' },
      'no-control': { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    port: wholeNumber(values.port, '--port', 65_535),
    seed: values.seed,
    latencyMs: wholeNumber(values.latency, '--latency', 600_000),
    control: !values['no-control'],
  };
}

/** What the CLI prints once listening: URLs and a cargo config snippet to paste. */
export function describeRunning(url: string, indexUrl: string, control: boolean): string {
  return [
    `crates.io simulator: ${url}`,
    `  sparse index: ${indexUrl}`,
    `  control endpoint: ${control ? `${url}/__control (loopback only)` : 'off'}`,
    '',
    'cargo config ($CARGO_HOME/config.toml):',
    '  [registries.sim]',
    `  index = "${indexUrl}"`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}
