/**
 * The browser edition: `npm run serve [-- --db PATH] [-- --port N] [-- --data DIR]`.
 * The same renderer and the same handlers as the desktop app, over HTTP on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { AppError } from './db/errors';
import { resolveDatabasePath, userDataDir } from './db/paths';
import { lastOpenedFile } from './files/recent';
import { startServer } from './ipc/http';
import { DatabaseHost } from './service/host';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5170' },
      data: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  }
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build:renderer" first');
  }
  // Where 最近使用, the backups and uploaded files live: the user-data folder unless --data says.
  const dataFolder = values.data ? path.resolve(values.data) : userDataDir();
  const databasePath = resolveDatabasePath({
    cliPath: values.db,
    userData: dataFolder,
    lastOpened: lastOpenedFile(dataFolder),
  });
  const version = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  // The file is opened and queried in the database worker; this thread only serves HTTP.
  const host = new DatabaseHost({
    file: databasePath,
    dataFolder,
    appVersion: version,
    onCrash: (reason) => console.error(`[solo-crm] the database worker stopped (${reason}); restarting it`),
  });
  await host.start();
  const server = await startServer({
    invoke: (channel, input) => host.invokeText(channel, input),
    dataFolder,
    rendererDir,
    port,
  });
  console.log(`Database: ${databasePath}`);
  console.log(`Solo CRM is running at ${server.url}`);
  const stop = () => {
    void server
      .close()
      .then(() => host.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof AppError) console.error(`Solo CRM cannot start (${err.code}): ${err.message}`);
  else console.error(`Solo CRM cannot start: ${(err as Error).message}`);
  process.exit(1);
});
