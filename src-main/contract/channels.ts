import { z } from 'zod';
import { baseDataListInput, type BaseItem } from './base-data';
import { idInput, idsInput, type Page } from './common';
import {
  customerCreateInput,
  customerListInput,
  customerUpdateInput,
  type Customer,
  type CustomerRow,
} from './customers';

export interface AppInfo {
  version: string;
  /** Path of the open database file. */
  databasePath: string;
  schemaVersion: number;
}

/**
 * Every channel of the one door: its zod input schema and its result type.
 * The registry refuses a channel that is not here and an input its schema rejects.
 */
export const channels = {
  'app.info': z.strictObject({}),
  'baseData.list': baseDataListInput,
  'customers.list': customerListInput,
  'customers.get': idInput,
  'customers.create': customerCreateInput,
  'customers.update': customerUpdateInput,
  'customers.delete': idsInput,
} as const;

export interface ChannelResults {
  'app.info': AppInfo;
  'baseData.list': BaseItem[];
  'customers.list': Page<CustomerRow>;
  'customers.get': Customer;
  'customers.create': Customer;
  'customers.update': Customer;
  'customers.delete': { deleted: number };
}

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]>;
export type ChannelResult<C extends Channel> = ChannelResults[C];

export const channelNames = Object.keys(channels) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
