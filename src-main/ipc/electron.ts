import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames, type Envelope } from '../contract';
import type { AppUrlPolicy } from '../app-url';
import type { Invoke } from '../service/host';

/** The open database's door; undefined while none is open (e.g. between Close and Open). */
export type InvokeProvider = () => Invoke | undefined;

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
 * Registers every channel of the contract on `ipcMain.handle`, each one passed on to the database
 * worker. Returns a function that removes the handlers again.
 */
export function registerIpc(invokeProvider: InvokeProvider, policy: AppUrlPolicy): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, policy)) {
        console.warn(`[solo-crm] refused ${channel} from ${safeUrl(event)}`);
        return forbidden;
      }
      const invoke = invokeProvider();
      if (!invoke) return { ok: false, error: { code: 'INTERNAL', message: 'No database is open' } };
      return invoke(channel, input);
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
