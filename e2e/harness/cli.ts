/**
 * `npm run preview -- --port P [--seed NAME|FILE] [--data-dir DIR]`: serves the
 * app in a browser against the simulator, without Electron.
 */
import { parseArgs } from 'node:util';
import { startHarness } from './harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5199' },
    seed: { type: 'string', default: 'demo' },
    'data-dir': { type: 'string' },
    login: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}".`);
  process.exit(2);
}

const harness = await startHarness({
  port,
  seed: values.seed,
  ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
  ...(values.login === undefined ? {} : { signInAs: values.login }),
});

console.log(`Cratekeeper preview: ${harness.url}`);
console.log(
  `  crates.io simulator: ${harness.simulator.url} (index ${harness.simulator.indexUrl})`,
);
console.log(`  signed in as: ${harness.account?.login ?? '(nobody)'}`);
console.log(`  data: ${harness.dataDir}`);
console.log('Press Ctrl+C to stop.');

const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
