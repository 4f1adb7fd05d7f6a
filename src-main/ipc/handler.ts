import type {
  Channel,
  ChannelParsedInput,
  ChannelResult,
  ChannelTable,
  ParsedInputOf,
  ResultOf,
} from '../contract';
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

/** One handler for each channel of a kind's table: its parsed input in, its result out. */
export type HandlersOf<T extends ChannelTable> = {
  [C in keyof T]: (ctx: HandlerContext, input: ParsedInputOf<T[C]>) => ResultOf<T[C]>;
};

/**
 * A kind's handlers, typed by its contract table: a channel the table declares without a
 * handler, or a handler for a channel it does not declare, does not compile.
 */
export function handlersFor<T extends ChannelTable>(_table: T, handlers: HandlersOf<T>): HandlersOf<T> {
  return handlers;
}
