import { z } from 'zod';
import { channel } from './channel';

/**
 * What only the desktop app can do, answered by Electron's main process rather than the
 * database worker: the system's file dialogs and showing a file in its folder. The browser
 * edition has none of these (its screens offer a path field, uploads and downloads instead).
 */
export const nativeChannels = {
  /** The system's Open dialog for a database file; null when the user cancelled. */
  'native.chooseDatabase': channel(z.strictObject({})).returns<string | null>(),
  /** The system's Open dialog for a file to import (.csv, .txt, .tsv, .xlsx); null when cancelled. */
  'native.chooseImportFile': channel(z.strictObject({})).returns<string | null>(),
  /** The system's Save dialog, starting at `suggestedName`; null when the user cancelled. */
  'native.chooseSaveLocation': channel(
    z.strictObject({ suggestedName: z.string().trim().min(1).max(255) }),
  ).returns<string | null>(),
  /** Shows the file in the system's file manager (Explorer, Finder …). */
  'native.showInFolder': channel(
    z.strictObject({ path: z.string().trim().min(1).max(4096) }),
  ).returns<null>(),
};

export type NativeChannel = keyof typeof nativeChannels;
export const nativeChannelNames = Object.keys(nativeChannels) as NativeChannel[];
