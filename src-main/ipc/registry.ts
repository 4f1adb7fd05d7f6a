import { channelNames, channels, isChannel, type Envelope, type Merged } from '../contract';
import { customerAnalysisHandlers } from '../analysis/customers';
import { salesAnalysisHandlers } from '../analysis/sales';
import type { HandlerContext } from '../records/context';
import { appHandlers } from '../records/app';
import { baseDataHandlers } from '../records/base-data';
import { activityHandlers } from '../records/activities';
import { contactHandlers } from '../records/contacts';
import { customFieldHandlers } from '../records/custom-fields';
import { customerHandlers } from '../records/customers';
import { expenseHandlers } from '../records/expenses';
import { feedbackHandlers } from '../records/feedback';
import { backupHandlers } from '../records/backups';
import { importHandlers } from '../records/imports';
import { fileHandlers } from '../records/files';
import { homeHandlers } from '../records/home';
import { jobHandlers } from '../records/jobs';
import { opportunityHandlers } from '../records/opportunities';
import { productHandlers } from '../records/products';
import { saleHandlers } from '../records/sales';
import { searchHandlers } from '../records/search';
import { settingsHandlers } from '../records/settings';
import { setupHandlers } from '../records/setup';
import { trashHandlers } from '../records/trash';
import { toErrorData } from './errors';
import type { Handlers } from './handler';

export type { Handler, Handlers } from './handler';

/**
 * The kinds' handler objects in one, checked as the registry loads: every channel must have
 * exactly one handler, and every handler a channel. Throws, naming the channel, when not.
 */
export function mergeHandlers<const M extends readonly object[]>(
  names: readonly string[],
  handlerMaps: M,
): Merged<M> {
  const merged: Record<string, unknown> = {};
  for (const map of handlerMaps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!names.includes(name)) throw new Error(`A handler for ${name}, which is not a channel`);
      if (Object.prototype.hasOwnProperty.call(merged, name)) {
        throw new Error(`Channel ${name} has two handlers`);
      }
      merged[name] = handler;
    }
  }
  const missing = names.filter((name) => !Object.prototype.hasOwnProperty.call(merged, name));
  if (missing.length > 0) throw new Error(`No handler for channel ${missing.join(', ')}`);
  return merged as Merged<M>;
}

/** The one door: channel → schema → handler. Every transport calls `invoke`. */
export const handlers: Handlers = mergeHandlers(channelNames, [
  appHandlers,
  setupHandlers,
  settingsHandlers,
  baseDataHandlers,
  homeHandlers,
  searchHandlers,
  customerHandlers,
  contactHandlers,
  productHandlers,
  opportunityHandlers,
  saleHandlers,
  activityHandlers,
  feedbackHandlers,
  expenseHandlers,
  customFieldHandlers,
  trashHandlers,
  jobHandlers,
  fileHandlers,
  backupHandlers,
  importHandlers,
  salesAnalysisHandlers,
  customerAnalysisHandlers,
]);

export function invoke(ctx: HandlerContext, channel: string, input: unknown): Envelope<unknown> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No channel named ${channel}` } };
  }
  const parsed = channels[channel].safeParse(input === undefined ? {} : input);
  if (!parsed.success) return { ok: false, error: toErrorData(parsed.error, input) };
  try {
    const handler = handlers[channel] as (ctx: HandlerContext, input: unknown) => unknown;
    return { ok: true, data: handler(ctx, parsed.data) };
  } catch (err) {
    return { ok: false, error: toErrorData(err, input) };
  }
}
