import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, type CallName } from '../shared/ipc/contract';
import { failure, type Result } from '../shared/ipc/result';
import { dispatchCall, type CallHandlers, type DispatchLog } from './core/dispatch';
import { describeSender, type SenderCheck } from './trusted-sender';

export interface IpcLog extends DispatchLog {
  warn(message: string): void;
}

/** What a refused caller learns: nothing about the core, only that it was refused. */
export const FOREIGN_SENDER_MESSAGE =
  'Refused: this call did not come from the Cratekeeper window.';

/**
 * The one guarded wrapper every contract call goes through: first the sender
 * check, then `dispatchCall`, which validates the input against the contract
 * before the core sees it and turns errors into failure values.
 */
export function guardedHandler(
  name: CallName,
  handlers: CallHandlers,
  isTrustedSender: SenderCheck,
  log: IpcLog,
): (event: IpcMainInvokeEvent, rawInput: unknown) => Promise<Result<unknown>> {
  return async (event, rawInput) => {
    if (!isTrustedSender(event)) {
      log.warn(`Refused ${name} from ${describeSender(event)}.`);
      return failure('forbidden', FOREIGN_SENDER_MESSAGE);
    }
    return dispatchCall(handlers, name, rawInput, log);
  };
}

/** Registers exactly one `ipcMain.handle` per contract call, named by the contract. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: CallHandlers,
  isTrustedSender: SenderCheck,
  log: IpcLog,
): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, guardedHandler(name, handlers, isTrustedSender, log));
  }
}
