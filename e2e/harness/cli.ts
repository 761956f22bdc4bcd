/**
 * `npm run preview -- [--port P] [--seed NAME|FILE | --simulator-url URL] [--data-dir DIR]
 * [--login LOGIN] [--cargo-home DIR] [--keychain usable|basic_text]
 * [--locked-with-passphrase P] [--watch]`: serves the app in a browser against
 * the simulator, without Electron (flags: cli-args.ts). With `--simulator-url`
 * it uses a simulator already running in another process (`npm run
 * simulator`) instead of starting its own; the seed is that one's. `--watch`
 * runs the expiry watch's scheduler on real timers; without it the watch looks
 * at start and whenever `POST /__harness/clock` moves the clock. On the same
 * `--data-dir` the simulator comes back on the port it had. Add account opens
 * the simulated GitHub's consent page in a pop-up, to choose the seed's user.
 */
import {
  parsePreviewArgs,
  previewHarnessOptions,
  PreviewArgsError,
  USAGE,
  type PreviewArgs,
} from './cli-args';
import { startHarness, type HarnessOnExternalSimulator, type RunningHarness } from './harness';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

let args: PreviewArgs;
try {
  args = parsePreviewArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof PreviewArgsError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const common = previewHarnessOptions(args);
let harness: RunningHarness | HarnessOnExternalSimulator;
// The seed's users, when the simulator is the preview's own.
let logins: readonly string[] | null = null;
if (args.simulatorUrl === undefined) {
  const own = await startHarness({ ...common, seed: args.seed ?? 'demo' });
  logins = own.simulator.state.users.map((user) => user.login);
  harness = own;
} else {
  harness = await startHarness({ ...common, simulatorUrl: args.simulatorUrl });
}

/** How the secrets are kept: what the page will ask for first, if anything. */
function describeVault(): string {
  const { cipher, keychainProblem, state } = harness.core.vault.status();
  if (cipher === 'passphrase') return `passphrase, ${state}`;
  if (keychainProblem !== null)
    return 'no usable keychain (basic_text): the page asks for a passphrase';
  return 'OS keychain (a key in memory)';
}

// Listening for the signals before saying where it runs: whoever reads the
// URL may stop it at once, and a SIGTERM before `once` kills with 143.
const stop = (): void => {
  void harness.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
console.log(`Cratekeeper preview: ${harness.url}`);
console.log(
  `  crates.io simulator: ${harness.simulator.url} (index ${harness.simulator.indexUrl})`,
);
if (logins !== null) {
  console.log(`  seed users (--login, and the consent page of Add account): ${logins.join(', ')}`);
}
console.log(`  signed in as: ${harness.account?.login ?? '(nobody)'}`);
console.log(`  vault: ${describeVault()}`);
console.log('  clipboard: in memory (Copy does not reach the system clipboard)');
console.log(`  data: ${harness.dataDir}`);
console.log(`  CARGO_HOME: ${await harness.core.cargo.cargoHome()}`);
console.log('Press Ctrl+C to stop.');
