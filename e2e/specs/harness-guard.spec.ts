import { expect, test } from '../fixtures';
import { HARNESS_EVENTS_PATH, HARNESS_KEY_META, HARNESS_KEY_PARAM } from '../harness/paths';

const PASSPHRASE = 'pass phrase';

/**
 * The harness's guards (e2e/harness/harness-guard.ts) as Chromium meets them:
 * the page's own bridge gets through, another origin does not, even with the
 * key in hand. The unit tests cover each refusal; this checks the browser
 * sends what the guards expect.
 */
test.describe('the harness transport', () => {
  test.use({ harnessOptions: { lockedWithPassphrase: PASSPHRASE } });

  test('delivers core events to the page over the keyed event stream', async ({ app, harness }) => {
    const dialog = app.getByRole('dialog', { name: 'Unlock Cratekeeper' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await expect(dialog).toBeHidden();

    // Locked from the core's side (as the idle timer does): only vault:changed tells the page.
    harness.core.vault.lock();
    await expect(dialog).toBeVisible();
    // The bridge took the key out of the page once it had read it.
    await expect(app.locator(`meta[name="${HARNESS_KEY_META}"]`)).toHaveCount(0);
  });

  test('refuses the event stream to another origin, even with the key', async ({
    app,
    harness,
    context,
  }) => {
    await expect(app.getByRole('dialog', { name: 'Unlock Cratekeeper' })).toBeVisible();
    const stranger = await context.newPage();
    // The simulator's port: a different origin on the same loopback address.
    await stranger.goto(harness.simulator.url);
    const query = new URLSearchParams({ [HARNESS_KEY_PARAM]: harness.key }).toString();
    const streamUrl = new URL(`${HARNESS_EVENTS_PATH}?${query}`, harness.url).href;

    // CORS hides a refused answer from the page and from Playwright's own
    // events; the DevTools protocol shows what went over the wire.
    const cdp = await context.newCDPSession(stranger);
    await cdp.send('Network.enable');
    // The ExtraInfo events may come before or after the request they belong
    // to (more so on a busy machine), so everything is kept by request id and
    // matched to the stream's request at the end.
    const streamRequests = new Set<string>();
    const originsById = new Map<string, string>();
    const statusesById = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url === streamUrl) streamRequests.add(event.requestId);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      const origin = Object.entries(event.headers).find(
        ([name]) => name.toLowerCase() === 'origin',
      );
      if (origin !== undefined) originsById.set(event.requestId, origin[1]);
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      statusesById.set(event.requestId, event.statusCode);
    });
    const ofStream = <T>(byId: Map<string, T>): T[] =>
      [...streamRequests].flatMap((id) => {
        const value = byId.get(id);
        return value === undefined ? [] : [value];
      });

    const opened = await stranger.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const source = new EventSource(url);
          source.onopen = () => {
            source.close();
            resolve(true);
          };
          source.onerror = () => {
            source.close();
            resolve(false);
          };
        }),
      streamUrl,
    );
    expect(opened).toBe(false);
    // Chromium sends its Origin on a cross-origin EventSource, and the harness refuses it.
    await expect.poll(() => ofStream(statusesById)).toEqual([403]);
    await expect.poll(() => ofStream(originsById)).toEqual([new URL(harness.simulator.url).origin]);
  });
});
