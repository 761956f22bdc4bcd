/**
 * `npm run simulator -- --port P --seed demo|minimal|generated:UxT|FILE`:
 * runs the local crates.io simulator until SIGINT/SIGTERM.
 */
import { describeRunning, parseCliArgs, USAGE, type CliOptions } from './cli-args';
import { startSimulator } from './server';

let options: CliOptions;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}

const simulator = await startSimulator(options).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
// Listening for the signals before saying where it runs: whoever reads the
// line may stop it at once, and a SIGTERM before `once` kills with 143.
const stop = (): void => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
console.log(describeRunning(simulator.url, simulator.indexUrl, options.control));
