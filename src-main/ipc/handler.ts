import type { Channel, ChannelParsedInput, ChannelResult } from '../contract';
import type { HandlerContext } from '../records/context';

/**
 * The shape of a channel's handler. Kept apart from the registry, which imports every record
 * module: a module declaring its handlers imports this, not the registry, so nothing points back up.
 */
export type Handler<C extends Channel> = (
  ctx: HandlerContext,
  input: ChannelParsedInput<C>,
) => ChannelResult<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type HandlerMap<C extends Channel> = { [K in C]: Handler<K> };
