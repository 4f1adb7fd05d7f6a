import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Solo CRM';
export const DEFAULT_DB_FILE = 'solo-crm.db';

/**
 * The per-user application-data folder, the same one Electron's `app.getPath('userData')`
 * returns for this app, so the desktop app and the browser edition open the same file.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/**
 * The file to open at start: `--db PATH` wins, then `SOLO_CRM_DB`, then the file last opened (the
 * newest of 最近使用, while it is still there), then the default file in the user-data folder.
 */
export function resolveDatabasePath(opts: {
  cliPath?: string;
  env?: NodeJS.ProcessEnv;
  userData?: string;
  /** The newest of 最近使用; left out when it is gone from its path (a new file would be made there). */
  lastOpened?: string;
}): string {
  const env = opts.env ?? process.env;
  const chosen = opts.cliPath ?? env.SOLO_CRM_DB ?? opts.lastOpened;
  if (chosen) return path.resolve(chosen);
  return path.join(opts.userData ?? userDataDir(env), DEFAULT_DB_FILE);
}
