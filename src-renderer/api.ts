import type {
  AppErrorData,
  Channel,
  ChannelInput,
  ChannelResult,
  Envelope,
  InputOf,
  NativeChannel,
  nativeChannels,
  ResultOf,
} from '../src-main/contract';

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

/** The desktop app (Electron's bridge present), as against the browser edition. */
export const isDesktop = typeof window !== 'undefined' && window.soloCrm !== undefined;

type NativeSpecs = typeof nativeChannels;

/**
 * Calls one of the desktop app's own channels (its file dialogs, the file manager). The browser
 * edition has none: there the call is refused at once.
 */
export async function callNative<C extends NativeChannel>(
  channel: C,
  input: InputOf<NativeSpecs[C]>,
): Promise<ResultOf<NativeSpecs[C]>> {
  if (!window.soloCrm) {
    throw new ApiError({ code: 'UNKNOWN_CHANNEL', message: `${channel} exists only in the desktop app` });
  }
  const envelope = await window.soloCrm.invoke(channel, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data as ResultOf<NativeSpecs[C]>;
}
