import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SignInCancelledError } from '../../electron/core/ports';
import { TestSim } from '../simulator/test-support/test-sim';
import { EventHub } from './event-hub';
import { HARNESS_SIGN_IN_DONE_EVENT, HARNESS_SIGN_IN_OPEN_EVENT } from './paths';
import { SignInPopups } from './sign-in-popup';

const ORIGIN = 'http://127.0.0.1:5199';

describe('SignInPopups (the preview’s sign-in window)', () => {
  let sim: TestSim;
  let events: EventHub;
  let app: Hono;
  let popups: SignInPopups;

  beforeEach(async () => {
    sim = await TestSim.start({ seed: 'demo' });
    events = new EventHub();
    popups = new SignInPopups(events, () => ORIGIN);
    app = new Hono();
    popups.addRoutes(app);
  });
  afterEach(() => sim.close());

  /** Starts a sign-in; answers the pop-up's path (from the event the page is sent) and the promise. */
  async function start() {
    const signingIn = popups.signIn(sim.sim.url);
    signingIn.catch(() => undefined);
    await expect.poll(() => events.recorded.length).toBe(1);
    const [opened] = events.recorded;
    expect(opened?.name).toBe(HARNESS_SIGN_IN_OPEN_EVENT);
    const { url } = opened?.payload as { url: string };
    expect(url.startsWith(`${ORIGIN}/__harness/sign-in/`)).toBe(true);
    return { path: new URL(url).pathname, signingIn };
  }

  async function loginOf(cookie: string): Promise<string> {
    const me = await sim.call('GET', '/api/v1/me', { cookie });
    return (me.json as { user: { login: string } }).user.login;
  }

  it('shows the simulated GitHub’s consent page, locked down by its CSP', async () => {
    const { path } = await start();
    const page = await app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('<legend>Sign in as</legend>');
    expect(html).toContain('value="corro"');
  });

  it('signs in as the login the form submits, tells the page to close the pop-up, and is over', async () => {
    const { path, signingIn } = await start();
    const done = await app.request(`${path}?client_id=x&state=forged&login=corro`);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Signed in as corro');
    expect(await loginOf(await signingIn)).toBe('corro');
    expect(events.recorded.map((event) => event.name)).toEqual([
      HARNESS_SIGN_IN_OPEN_EVENT,
      HARNESS_SIGN_IN_DONE_EVENT,
    ]);
    expect((await app.request(path)).status).toBe(404);
  });

  it('fails the sign-in with the simulator’s reason for a user crates.io does not know', async () => {
    const { path, signingIn } = await start();
    const page = await app.request(`${path}?login=stranger`);
    expect(page.status).toBe(502);
    await expect(signingIn).rejects.toThrow('stranger has no crates.io account');
  });

  it('cancels when the pop-up was closed, or blocked, as closing the app’s window does', async () => {
    const closed = await start();
    await app.request(`${closed.path}/cancel?reason=closed`, { method: 'POST' });
    await expect(closed.signingIn).rejects.toBeInstanceOf(SignInCancelledError);

    events.recorded.length = 0;
    const blocked = await start();
    await app.request(`${blocked.path}/cancel?reason=blocked`, { method: 'POST' });
    await expect(blocked.signingIn).rejects.toThrow(/the browser blocked its pop-up/);
  });
});
