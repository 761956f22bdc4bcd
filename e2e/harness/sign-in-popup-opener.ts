/**
 * The page's side of the harness's sign-in window (sign-in-popup.ts): the
 * bridge opens the pop-up it is told to, reports it closed (cancel) or
 * blocked, and closes it once the harness has finished the sign-in.
 */
import { HARNESS_SIGN_IN_PATH, type SignInPopupEvent } from './paths';

const open = new Map<string, Window>();

function cancel(id: string, reason: 'closed' | 'blocked'): void {
  const path = `${HARNESS_SIGN_IN_PATH}${encodeURIComponent(id)}/cancel?reason=${reason}`;
  void fetch(path, { method: 'POST' }).catch(() => undefined);
}

export function openSignInPopup({ id, url }: SignInPopupEvent): void {
  if (url === undefined) return;
  const popup = window.open(url, `cratekeeper-sign-in-${id}`, 'popup,width=560,height=640');
  if (!popup) {
    cancel(id, 'blocked');
    return;
  }
  open.set(id, popup);
  // A pop-up says nothing when it is closed; ask, as the app's window would tell.
  const timer = setInterval(() => {
    if (!popup.closed) return;
    clearInterval(timer);
    if (open.delete(id)) cancel(id, 'closed');
  }, 300);
}

export function closeSignInPopup({ id }: SignInPopupEvent): void {
  const popup = open.get(id);
  open.delete(id);
  popup?.close();
}
