/**
 * The object the preload script puts on `window.soloCrm`: one typed door into the main process.
 * Pure types, so the renderer can declare `window.soloCrm?: SoloCrmBridge` without reaching Node.
 */
import type { Channel, ChannelInput, ChannelResult } from './channels';
import type { Envelope } from './envelope';

export interface SoloCrmBridge {
  /**
   * Sends `input` to `channel`. Never rejects for an expected failure: the answer is an envelope,
   * `{ ok: false, error }` when the input is invalid, the record is missing, the sender is not the
   * app's own page, and so on.
   */
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelResult<C>>>;
}

/** The global name the bridge is exposed under. */
export type SoloCrmBridgeKey = 'soloCrm';
