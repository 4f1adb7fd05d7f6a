import type { z } from 'zod';
import { activityChannels } from './activities';
import { customerAnalysisChannels } from './analysis/customers';
import { salesAnalysisChannels } from './analysis/sales';
import { appChannels } from './app';
import { baseDataChannels } from './base-data';
import { mergeChannelTables, type ResultOf } from './channel';
import { contactChannels } from './contacts';
import { customFieldChannels } from './custom-fields';
import { customerChannels } from './customers';
import { expenseChannels } from './expenses';
import { feedbackChannels } from './feedback';
import { backupChannels } from './backups';
import { fileChannels } from './files';
import { importChannels } from './import';
import { homeChannels } from './home';
import { jobChannels } from './jobs';
import { opportunityChannels } from './opportunities';
import { productChannels } from './products';
import { saleChannels } from './sales';
import { searchChannels } from './search';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
import { trashChannels } from './trash';

/**
 * Every channel of the one door, as each record kind declares its own. The registry refuses a
 * channel that is not here and an input its schema rejects.
 */
const channelSpecs = mergeChannelTables(
  appChannels,
  setupChannels,
  settingsChannels,
  baseDataChannels,
  homeChannels,
  searchChannels,
  customFieldChannels,
  salesAnalysisChannels,
  customerAnalysisChannels,
  trashChannels,
  customerChannels,
  contactChannels,
  productChannels,
  opportunityChannels,
  saleChannels,
  activityChannels,
  feedbackChannels,
  expenseChannels,
  jobChannels,
  fileChannels,
  backupChannels,
  importChannels,
);
type Specs = typeof channelSpecs;

export type Channel = keyof Specs;

/** Each channel's zod input schema. */
export const channels = Object.fromEntries(
  Object.entries(channelSpecs).map(([name, spec]) => [name, spec.input]),
) as { readonly [C in Channel]: Specs[C]['input'] };

export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]>;
export type ChannelResult<C extends Channel> = ResultOf<Specs[C]>;

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
