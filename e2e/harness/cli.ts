/**
 * `npm run preview -- --port P [--seed NAME|FILE | --simulator-url URL] [--data-dir DIR] [--cargo-home DIR] [--watch]`:
 * serves the app in a browser against the simulator, without Electron. With
 * `--simulator-url` it uses a simulator already running in another process
 * (`npm run simulator`) instead of starting its own; the seed is that one's.
 * `--watch` runs the expiry watch's scheduler on real timers; without it the
 * watch looks at start and whenever `POST /__harness/clock` moves the clock.
 * On the same `--data-dir` the simulator comes back on the port it had.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    seed: { type: 'string' },
    'simulator-url': { type: 'string' },
    'data-dir': { type: 'string' },
    login: { type: 'string' },
    watch: { type: 'boolean', default: false },
    'cargo-home': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}".`);
  process.exit(2);
}

const simulatorUrl = values['simulator-url'];
if (simulatorUrl !== undefined && values.seed !== undefined) {
  console.error('--seed and --simulator-url do not go together: the seed is the simulator’s.');
  process.exit(2);
}

const common = {
  port,
  // --watch: the expiry watch's scheduler on real timers, as in the app.
  startWatch: values.watch,
  ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
  ...(values.login === undefined ? {} : { signInAs: values.login }),
  ...(values['cargo-home'] === undefined ? {} : { cargoHome: resolve(values['cargo-home']) }),
};
const harness =
  simulatorUrl === undefined
    ? await startHarness({ ...common, seed: values.seed ?? 'demo' })
    : await startHarness({ ...common, simulatorUrl });

console.log(`Cratekeeper preview: ${harness.url}`);
console.log(
  `  crates.io simulator: ${harness.simulator.url} (index ${harness.simulator.indexUrl})`,
);
console.log(`  signed in as: ${harness.account?.login ?? '(nobody)'}`);
console.log(`  data: ${harness.dataDir}`);
console.log(`  CARGO_HOME: ${await harness.core.cargo.cargoHome()}`);
console.log('Press Ctrl+C to stop.');

const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
