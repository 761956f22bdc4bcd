import { CRATES_IO } from '../../../../shared/domain/account';
import { waitForStart } from '../../vault/test-support/child-start';
import { randomPayload } from '../../vault/test-support/random-payload';
import { ConfMetadataStore } from '../conf-metadata-store';

/**
 * Child of the metadata kill test. On the start line `DATA_DIR START CHARS`
 * it opens the store and replaces the account list forever, each time with
 * one account whose login is `generation-N` for the next N after START and
 * whose display name is CHARS random characters (so every write is large),
 * printing N once the write is on disk. The parent kills it.
 */
const [dataDir, start, chars] = await waitForStart();
if (!dataDir || !start || !chars) throw new Error('start line: DATA_DIR START CHARS');

const store = ConfMetadataStore.open(dataDir);
for (let generation = Number(start) + 1; ; generation += 1) {
  store.set('accounts', [
    {
      id: 'crates.io#1',
      registry: CRATES_IO,
      userId: 1,
      login: `generation-${generation}`,
      displayName: randomPayload(Number(chars)),
      avatarUrl: null,
      status: 'signed-in',
    },
  ]);
  process.stdout.write(`${generation}\n`);
}
