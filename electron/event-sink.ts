import type { WebContents } from 'electron';
import type { EventSink } from './core/ports';
import { ipcEvents, isEventName } from '../shared/ipc/contract';

export interface EventLog {
  error(message: string): void;
}

/**
 * Sends the core's events to the main window only. Each payload is parsed
 * with the contract's schema first and only the parsed value is sent, so a
 * field the contract does not declare (a session cookie, say) can never reach
 * the renderer, even if the core put it there by mistake.
 */
export function mainWindowEventSink(
  mainContents: () => Pick<WebContents, 'send' | 'isDestroyed'> | null,
  log: EventLog,
): EventSink {
  return {
    emit(name, payload) {
      if (!isEventName(name)) {
        log.error(`Dropped event "${name}": it is not in the IPC contract.`);
        return;
      }
      const parsed = ipcEvents[name].payload.safeParse(payload);
      if (!parsed.success) {
        // The payload itself is not logged: it may hold account data.
        log.error(`Dropped event "${name}": its payload does not match the contract.`);
        return;
      }
      const contents = mainContents();
      if (contents && !contents.isDestroyed()) contents.send(name, parsed.data);
    },
  };
}
