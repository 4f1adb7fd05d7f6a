import { channels, isChannel, type Envelope } from '../contract';
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
import { homeHandlers } from '../records/home';
import { opportunityHandlers } from '../records/opportunities';
import { productHandlers } from '../records/products';
import { saleHandlers } from '../records/sales';
import { searchHandlers } from '../records/search';
import { settingsHandlers } from '../records/settings';
import { setupHandlers } from '../records/setup';
import { trashHandlers } from '../records/trash';
import { toErrorData } from './errors';
import type { Handlers } from './handler';

export type { Handler, HandlerMap, Handlers } from './handler';

/** The one door: channel → schema → handler. Every transport calls `invoke`. */
export const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...settingsHandlers,
  ...baseDataHandlers,
  ...homeHandlers,
  ...searchHandlers,
  ...customerHandlers,
  ...contactHandlers,
  ...productHandlers,
  ...opportunityHandlers,
  ...saleHandlers,
  ...activityHandlers,
  ...feedbackHandlers,
  ...expenseHandlers,
  ...customFieldHandlers,
  ...trashHandlers,
  ...salesAnalysisHandlers,
  ...customerAnalysisHandlers,
};

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
