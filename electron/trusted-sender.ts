import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isOwnRendererUrl, rendererOrigin, type RendererLocation } from './renderer-location';

/** Decides whether an IPC call may reach the core at all. */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/**
 * Accepts a call only from the top frame of the main window while it shows our
 * own page (Electron security checklist, "Validate the sender of all IPC
 * messages"): `app://cratekeeper/index.html`, or the dev server in
 * development. A frame that navigated away or was destroyed (`senderFrame` is
 * null), a subframe, another window, a file:// page or any other URL or origin
 * is refused.
 */
export function ownRendererSenderCheck(
  mainContents: () => WebContents | null,
  location: RendererLocation,
): SenderCheck {
  return ({ sender, senderFrame }) => {
    const contents = mainContents();
    if (!senderFrame || !contents || contents.isDestroyed()) return false;
    try {
      if (sender.id !== contents.id) return false;
      if (senderFrame.detached || senderFrame.parent !== null) return false;
      // frameTreeNodeId is browser-global and stable; two WebFrameMain wrappers
      // of the same frame need not be the same object.
      if (senderFrame.frameTreeNodeId !== contents.mainFrame.frameTreeNodeId) return false;
      // The origin as Chromium computed it, as well as the URL: a document at
      // our URL with an opaque origin (a sandboxed one, say) is not our page.
      return (
        senderFrame.origin === rendererOrigin(location) &&
        isOwnRendererUrl(location, senderFrame.url)
      );
    } catch {
      // Electron throws when a frame's properties are read after it was disposed.
      return false;
    }
  };
}

/** Where a call came from, for the log: the frame's origin, never its full URL. */
export function describeSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    return event.senderFrame?.origin ?? 'a frame that is gone';
  } catch {
    return 'a frame that is gone';
  }
}
