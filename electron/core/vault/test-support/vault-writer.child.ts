import { PassphraseCipher } from '../passphrase-cipher';
import { readVaultHeader, Vault } from '../vault';
import { waitForStart } from './child-start';
import { randomPayload } from './random-payload';

/**
 * Child of the vault kill test. On the start line `DATA_DIR START
 * PAYLOAD_CHARS` it opens the vault with the passphrase from
 * CK_TEST_PASSPHRASE and rewrites the `state` record forever, each time with
 * the next generation after START and a large random payload, printing the
 * generation once the write is on disk. The parent kills it.
 */
const [dataDir, start, payloadChars] = await waitForStart();
const passphrase = process.env['CK_TEST_PASSPHRASE'];
if (!dataDir || !start || !payloadChars || !passphrase) {
  throw new Error('start line: DATA_DIR START PAYLOAD_CHARS, with CK_TEST_PASSPHRASE set');
}

const header = await readVaultHeader(dataDir);
if (header?.kind !== 'passphrase') throw new Error('expected a passphrase vault');
const vault = await Vault.open(dataDir, await PassphraseCipher.open(header, passphrase));
for (let generation = Number(start) + 1; ; generation += 1) {
  const payload = randomPayload(Number(payloadChars));
  await vault.put('state', 'token', JSON.stringify({ generation, payload }));
  process.stdout.write(`${generation}\n`);
}
