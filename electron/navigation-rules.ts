import type { Session, WebContents } from 'electron';
import { isOwnRendererUrl, type RendererLocation } from './renderer-location';

/** Where one kind of web content may go, and which pop-ups it may open inside the app. */
export interface NavigationPolicy {
  /** May the top frame navigate, or be redirected, to `url`? */
  allowsNavigation(url: string): boolean;
  /** May `window.open(url)` create a child window inside the app? */
  allowsPopup(url: string): boolean;
}

/** The main window: our own page only, and never a pop-up. */
export function ownRendererPolicy(location: RendererLocation): NavigationPolicy {
  return {
    allowsNavigation: (url) => isOwnRendererUrl(location, url),
    allowsPopup: () => false,
  };
}

/**
 * The policy of each web contents, chosen by its session. Content opened by
 * `window.open` shares its opener's session, so a sign-in pop-up gets the
 * sign-in rules from the moment it exists, before any event could register it.
 * Everything in a session without its own rules gets the main window's rules.
 */
export class NavigationRules {
  private readonly bySession = new WeakMap<Session, NavigationPolicy>();

  constructor(private readonly fallback: NavigationPolicy) {}

  /** Applies `policy` to every web contents of `session`. */
  setForSession(session: Session, policy: NavigationPolicy): void {
    this.bySession.set(session, policy);
  }

  /** The rules that apply to `contents` right now. */
  policyFor(contents: Pick<WebContents, 'session'>): NavigationPolicy {
    return this.bySession.get(contents.session) ?? this.fallback;
  }
}
