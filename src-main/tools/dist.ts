/**
 * `npm run dist`: packages the app with electron-builder (electron-builder.yml), then puts the
 * Node build of better-sqlite3 back. electron-builder's `npmRebuild` compiles the addon for
 * Electron in place, in node_modules, which would leave `npm test` unable to load it.
 *
 * Usage: tsx src-main/tools/dist.ts [electron-builder arguments, e.g. --linux --x64]
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));

const builder = spawnSync(
  process.execPath,
  [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);

console.log('\n[dist] restoring the Node build of better-sqlite3 for npm test');
const npmCli = process.env.npm_execpath;
const restore = npmCli
  ? spawnSync(process.execPath, [npmCli, 'rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit' })
  : spawnSync('npm', ['rebuild', 'better-sqlite3'], {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
if (restore.status !== 0) {
  console.error(
    '[dist] could not rebuild better-sqlite3 for Node; run `npm rebuild better-sqlite3` before `npm test`.',
  );
}

process.exit(builder.status ?? 1);
