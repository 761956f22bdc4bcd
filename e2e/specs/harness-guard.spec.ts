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
    const streamRequests = new Set<string>();
    const sentOrigins: string[] = [];
    const statuses: number[] = [];
    cdp.on('Network.requestWillBeSent', (event) => {
      if (event.request.url === streamUrl) streamRequests.add(event.requestId);
    });
    cdp.on('Network.requestWillBeSentExtraInfo', (event) => {
      if (!streamRequests.has(event.requestId)) return;
      const origin = Object.entries(event.headers).find(
        ([name]) => name.toLowerCase() === 'origin',
      );
      if (origin !== undefined) sentOrigins.push(origin[1]);
    });
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      if (streamRequests.has(event.requestId)) statuses.push(event.statusCode);
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
    await expect.poll(() => statuses).toEqual([403]);
    expect(sentOrigins).toEqual([new URL(harness.simulator.url).origin]);
  });
});
