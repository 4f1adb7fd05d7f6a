import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  channelNames,
  fromZodIssue,
  nativeChannelNames,
  nativeChannels,
  type Envelope,
  type NativeChannel,
} from '../contract';
import type { AppUrlPolicy } from '../app-url';
import type { Invoke } from '../service/host';

/** The open database's door; undefined while none is open (e.g. between Close and Open). */
export type InvokeProvider = () => Invoke | undefined;

/** What the desktop app answers itself (file dialogs, the file manager), by channel. */
export type NativeHandlers = { [C in NativeChannel]: (input: never) => Promise<unknown> };

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
export function registerIpc(
  invokeProvider: InvokeProvider,
  policy: AppUrlPolicy,
  native: NativeHandlers,
): () => void {
  for (const channel of nativeChannelNames) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, policy)) return forbidden;
      const parsed = nativeChannels[channel].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: fromZodIssue(parsed.error.issues[0]!, input) };
      try {
        return { ok: true, data: await native[channel](parsed.data as never) };
      } catch (err) {
        console.error(`[solo-crm] ${channel} failed`, err);
        return { ok: false, error: { code: 'INTERNAL', message: `${channel} failed` } };
      }
    });
  }
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
    for (const channel of [...channelNames, ...nativeChannelNames]) ipcMain.removeHandler(channel);
  };
}

function safeUrl(event: IpcMainInvokeEvent): string {
  try {
    return event.senderFrame?.url ?? '(no frame)';
  } catch {
    return '(destroyed frame)';
  }
}
