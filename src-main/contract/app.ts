import { z } from 'zod';
import { channel } from './channel';

export interface AppInfo {
  version: string;
  /** Path of the open database file. */
  databasePath: string;
  schemaVersion: number;
}

export const appChannels = {
  'app.info': channel(z.strictObject({})).returns<AppInfo>(),
};
