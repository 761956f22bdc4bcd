import { CARGO_PLUGIN_FLAG } from '../core/provider/wire.js';
import { askRunningApp } from './app-client.js';
import { runCargoSession } from './protocol.js';

/**
 * Cratekeeper's cargo credential provider: the executable cargo runs (through
 * bin/cratekeeper-credential-provider in a checkout, or the single-executable
 * build next to an installed app). It answers from the running app; it holds
 * no token itself.
 */

const EXIT_USAGE = 2;

const USAGE = `Usage: cratekeeper-credential-provider ${CARGO_PLUGIN_FLAG}

This is Cratekeeper's credential provider for cargo; cargo runs it, a person does not.
Connect it in Cratekeeper: Settings, "Connect cargo".
`;

/** Arguments after the program (and, when run by node or tsx, the script). */
function userArguments(): string[] {
  // A single-executable build sees [exe, exe, ...args]; node/tsx [node, script, ...args].
  return process.argv.slice(2);
}

async function main(): Promise<number> {
  const args = userArguments();
  if (args.length !== 1 || args[0] !== CARGO_PLUGIN_FLAG) {
    process.stderr.write(USAGE);
    return EXIT_USAGE;
  }
  return runCargoSession(
    { input: process.stdin, output: process.stdout, diagnostics: process.stderr },
    (request) => askRunningApp(request),
  );
}

main().then(
  (code) => {
    // stdin may still be open (cargo closes it after our answer): do not wait for it.
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `cratekeeper-credential-provider: ${error instanceof Error ? error.message : 'failed'}\n`,
    );
    process.exit(1);
  },
);
