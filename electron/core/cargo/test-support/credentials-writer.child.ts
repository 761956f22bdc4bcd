import { join } from 'node:path';
import { waitForStart } from '../../vault/test-support/child-start';
import { setCargoToken } from '../credentials-edit';
import { readCredentialsText, writeCredentialsText } from '../credentials-file';

/**
 * Child of the credentials kill test. On the start line `CARGO_HOME START _`
 * it writes `generation-N` as the `sim` token, for the next N after START,
 * forever, the way `cargo:write` does (read, splice, atomic replace), printing
 * N once each write is on disk. The parent kills it.
 */
const [cargoHome, start] = await waitForStart();
if (!cargoHome || !start) throw new Error('start line: CARGO_HOME START CHARS');

const file = join(cargoHome, 'credentials.toml');
for (let generation = Number(start) + 1; ; generation += 1) {
  const before = (await readCredentialsText(file)) ?? '';
  await writeCredentialsText(file, setCargoToken(before, 'sim', `generation-${generation}`).text);
  process.stdout.write(`${generation}\n`);
}
