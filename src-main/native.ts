/**
 * better-sqlite3 compiled for Electron's ABI, kept apart from the Node build in node_modules
 * (which `npm test` and the browser edition use). `npm run rebuild:electron`
 * (src-main/tools/rebuild-electron.ts) produces it; a packaged app does not need it, since
 * electron-builder rebuilds the dependency itself.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Relative to the app root. */
export const ELECTRON_NATIVE_DIR = path.join('out', 'native', 'better-sqlite3');
export const ELECTRON_BINDING = path.join(ELECTRON_NATIVE_DIR, 'build', 'Release', 'better_sqlite3.node');

/** The Electron build of the addon under `appRoot`, if it has been built. */
export function electronBinding(appRoot: string): string | undefined {
  const file = path.join(appRoot, ELECTRON_BINDING);
  return fs.existsSync(file) ? file : undefined;
}
