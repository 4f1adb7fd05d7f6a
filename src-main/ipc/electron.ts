import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../contract';
import type { HandlerContext } from '../records/context';
import type { AppUrlPolicy } from '../app-url';
import { invoke } from './registry';

/** The context of the open database; undefined while none is open (e.g. between Close and Open). */
export type ContextProvider = () => HandlerContext | undefined;

const forbidden: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'The request did not come from the app window' },
};

/**
 * Only the app's own page may call in: the frame must still exist (not detached by a navigation)
 * and show the app's URL. A page that slipped past the navigation guard gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, policy: AppUrlPolicy): boolean {
  try {
    const frame = event.senderFrame;
    return !!frame && !frame.detached && policy.isAppUrl(frame.url);
  } catch {
    // A frame that is being destroyed can throw on access.
    return false;
  }
}

/**
 * Registers every channel of the contract on `ipcMain.handle`, each one calling the registry.
 * Returns a function that removes the handlers again.
 */
export function registerIpc(ctxProvider: ContextProvider, policy: AppUrlPolicy): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown): Envelope<unknown> => {
      if (!isTrustedSender(event, policy)) {
        console.warn(`[solo-crm] refused ${channel} from ${safeUrl(event)}`);
        return forbidden;
      }
      const ctx = ctxProvider();
      if (!ctx) return { ok: false, error: { code: 'INTERNAL', message: 'No database is open' } };
      return invoke(ctx, channel, input);
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}

function safeUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(destroyed frame)';
  }
}
