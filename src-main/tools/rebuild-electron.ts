/**
 * `npm run rebuild:electron`: compiles better-sqlite3 for Electron's ABI into
 * out/native/better-sqlite3/build/Release/better_sqlite3.node, leaving the Node build in
 * node_modules alone so `npm test` and `npm start` never fight over one file. main.ts passes the
 * result to better-sqlite3 as `nativeBinding` when the app runs unpackaged.
 *
 * Needs Electron's headers from https://electronjs.org/headers (downloaded once into
 * ~/.electron-gyp). Where that host is unreachable the script stops with a message and exit code 1.
 *
 * Usage: tsx src-main/tools/rebuild-electron.ts [--force] [--arch=x64|arm64|ia32]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_BINDING, ELECTRON_NATIVE_DIR } from '../native';

const DIST_URL = 'https://electronjs.org/headers';
const STAMP = '.electron-build.json';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const force = args.includes('--force');
const arch = args.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) ?? process.arch;

function fail(message: string): never {
  console.error(`\n[rebuild:electron] ${message}\n`);
  process.exit(1);
}

function readVersion(pkg: string): string {
  const file = path.join(root, 'node_modules', pkg, 'package.json');
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return fail(`${pkg} is not installed (${file} is missing). Run npm ci first.`);
  }
}

/** npm's own node-gyp (npm sets npm_config_node_gyp for scripts), else the one in node_modules. */
function findNodeGyp(): string {
  const fromNpm = process.env.npm_config_node_gyp;
  if (fromNpm && fs.existsSync(fromNpm)) return fromNpm;
  try {
    return createRequire(path.join(root, 'package.json')).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return fail('node-gyp was not found. Run this through npm (npm run rebuild:electron).');
  }
}

/**
 * node-gyp lets npm_config_* variables override its command line. A machine-wide
 * `nodedir` (set here so Node builds use the local headers) would silently turn this into
 * a build for Node's ABI, so those variables are dropped; proxy and certificate settings stay.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(https?_proxy|proxy|noproxy|no_proxy|cafile|strict_ssl|loglevel)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_package_config_node_gyp_/i.test(k)) continue;
    if (/^npm_config_/i.test(k) && !keep.test(k)) continue;
    env[k] = v;
  }
  return env;
}

const electronVersion = readVersion('electron');
const sqliteVersion = readVersion('better-sqlite3');
const source = path.join(root, 'node_modules', 'better-sqlite3');
const target = path.join(root, ELECTRON_NATIVE_DIR);
const binding = path.join(root, ELECTRON_BINDING);
const stampFile = path.join(target, STAMP);
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };

if (!force && fs.existsSync(binding)) {
  try {
    const stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Record<string, string>;
    if (Object.entries(wanted).every(([k, v]) => stamp[k] === v)) {
      console.log(
        `[rebuild:electron] up to date: better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}`,
      );
      process.exit(0);
    }
  } catch {
    // no stamp: build again
  }
}

console.log(`[rebuild:electron] better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch})`);
fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(source, target, {
  recursive: true,
  // Node's build stays where it is; node_modules of the package are not needed with nativeBinding.
  filter: (from) => {
    const rel = path.relative(source, from);
    return rel !== 'build' && rel !== 'node_modules';
  },
});

const result = spawnSync(
  process.execPath,
  [
    findNodeGyp(),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--dist-url=${DIST_URL}`,
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
  ],
  { cwd: target, env: cleanEnv(), stdio: 'inherit' },
);

if (result.error || result.status !== 0 || !fs.existsSync(binding)) {
  fail(
    [
      `Could not build better-sqlite3 for Electron ${electronVersion}.`,
      `node-gyp needs Electron's headers from ${DIST_URL} and a C++ toolchain; if the download`,
      'failed above, this machine cannot reach that host. `npm test` and `npm run serve` are not',
      'affected (they use the Node build in node_modules); `npm start` needs this step to succeed.',
    ].join('\n'),
  );
}

// A file that plain Node can load was built for Node's ABI, not Electron's: refuse it.
const probe = spawnSync(
  process.execPath,
  ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', binding],
  {
    encoding: 'utf8',
  },
);
if (probe.status === 0) {
  fs.rmSync(target, { recursive: true, force: true });
  fail('node-gyp produced a build for Node, not Electron (an npm_config_* setting leaked in?).');
}

fs.writeFileSync(stampFile, JSON.stringify(wanted, null, 2));
console.log(`[rebuild:electron] built ${path.relative(root, binding)}`);
