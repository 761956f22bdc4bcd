import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import { SignInCancelledError } from '../../electron/core/ports';
import { escapeHtml } from '../simulator/handlers/session/consent-page';
import { beginSignIn, finishSignIn, type BegunSignIn } from '../simulator/sign-in-client';
import type { EventHub } from './event-hub';
import {
  HARNESS_SIGN_IN_DONE_EVENT,
  HARNESS_SIGN_IN_OPEN_EVENT,
  HARNESS_SIGN_IN_PATH,
  type SignInPopupEvent,
} from './paths';

interface PendingSignIn {
  readonly begun: BegunSignIn;
  readonly resolve: (cookie: string) => void;
  readonly reject: (error: unknown) => void;
}

/** The pop-up's pages: only forms and inline styles, nothing loaded from elsewhere. */
const POPUP_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function popupPage(body: string, status = 200, title = 'Sign-in · Cratekeeper preview'): Response {
  const html = body.startsWith('<!doctype')
    ? body
    : `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><main>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': POPUP_CSP,
      'Cache-Control': 'no-store',
    },
  });
}

/**
 * The browser harness's sign-in window. The app opens the registry's website
 * in a window of its own; in the preview the page opens a pop-up instead
 * (the bridge does, told over the event stream), and the harness plays the
 * browser behind it: it begins the session on the simulator and keeps its
 * cookie, shows the simulated GitHub's consent page (fetched from the
 * simulator, whose form submits back to the pop-up's own URL), forwards the
 * chosen login, and finishes the sign-in as the website's /github-login page
 * would. Closing the pop-up cancels, as closing the app's window does.
 */
export class SignInPopups {
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    private readonly events: EventHub,
    /** The harness's own origin, `http://127.0.0.1:PORT`. */
    private readonly origin: () => string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async signIn(baseUrl: string): Promise<string> {
    const begun = await beginSignIn(baseUrl, this.fetchImpl);
    const id = randomBytes(16).toString('base64url');
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { begun, resolve, reject });
      const event: SignInPopupEvent = { id, url: `${this.origin()}${HARNESS_SIGN_IN_PATH}${id}` };
      this.events.emit(HARNESS_SIGN_IN_OPEN_EVENT, event);
    });
  }

  /** `GET /__harness/sign-in/:id` (the pop-up) and `POST …/:id/cancel` (the pop-up was closed). */
  addRoutes(app: Hono): void {
    app.get(`${HARNESS_SIGN_IN_PATH}:id`, async (c) => {
      const id = c.req.param('id');
      const pending = this.pending.get(id);
      if (!pending)
        return popupPage('<h1>This sign-in is over.</h1><p>Close this window.</p>', 404);
      const login = c.req.query('login');
      if (login === undefined || login === '') return this.consentPage(pending);
      // The form was submitted: only the choice is taken from it; client_id
      // and state are the ones this sign-in began with.
      this.pending.delete(id);
      try {
        const consentUrl = new URL(pending.begun.consentUrl);
        consentUrl.searchParams.set('login', login);
        const consent = await this.fetchImpl(consentUrl, { redirect: 'manual' });
        pending.resolve(await finishSignIn(pending.begun, consent, this.fetchImpl, login));
        return popupPage(
          `<h1>Signed in as ${escapeHtml(login)}</h1><p role="status">You can close this window.</p>`,
        );
      } catch (error) {
        pending.reject(error);
        const message = error instanceof Error ? error.message : String(error);
        return popupPage(
          `<h1>Sign-in did not work</h1><p role="status">${escapeHtml(message)}</p>`,
          502,
        );
      } finally {
        this.events.emit(HARNESS_SIGN_IN_DONE_EVENT, { id });
      }
    });

    app.post(`${HARNESS_SIGN_IN_PATH}:id/cancel`, (c) => {
      const id = c.req.param('id');
      const pending = this.pending.get(id);
      if (pending) {
        this.pending.delete(id);
        const host = new URL(pending.begun.baseUrl).host;
        const cancelled = new SignInCancelledError(host);
        if (c.req.query('reason') === 'blocked') {
          cancelled.message = `Sign-in to ${host} was cancelled: the browser blocked its pop-up. Allow pop-ups for this page and press Sign in again.`;
        }
        pending.reject(cancelled);
      }
      return c.body(null, 204);
    });
  }

  private async consentPage(pending: PendingSignIn): Promise<Response> {
    const page = await this.fetchImpl(pending.begun.consentUrl, { redirect: 'manual' });
    return popupPage(await page.text(), page.status);
  }
}
