import type { AppErrorData, Channel, ChannelInput, ChannelResult, Envelope } from '../src-main/contract';

/** What the desktop app's preload exposes; absent in the browser edition. */
interface Bridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
}
declare global {
  interface Window {
    soloCrm?: Bridge;
  }
}

/** A refused call, carrying the main process's error data (code, field, reason). */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData | { code: 'NETWORK'; message: string; field?: undefined }) {
    super(data.message);
    this.name = 'ApiError';
  }
}

async function overHttp(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch(`api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError({ code: 'NETWORK', message: (err as Error).message });
  }
  return (await res.json()) as Envelope<unknown>;
}

/** Calls one channel of the main process: Electron's bridge when present, else HTTP. */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const envelope = window.soloCrm
    ? await window.soloCrm.invoke(channel, input)
    : await overHttp(channel, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as ChannelResult<C>;
}
