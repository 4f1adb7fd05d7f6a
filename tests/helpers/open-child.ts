/**
 * Another process opening a database file, as a second instance of the app would:
 *
 *   node --import tsx tests/helpers/open-child.ts <file> <mode> [holdMs]
 *
 * It prints `ready` and waits for a line on stdin (so that two of them can be let go at the same
 * moment), then opens the file and prints one JSON line: `{ "opened": { ... } }` or
 * `{ "error": { code, params } }`. Mode `once` closes the file after `holdMs` (default 0) and
 * exits; `hold` keeps it open (after saving a customer) until stdin ends or the process is killed.
 */
import readline from 'node:readline';
import { AppError } from '../../src-main/db/errors';
import { openDatabase } from '../../src-main/db/open';

const [file, mode = 'once', holdMs = '0'] = process.argv.slice(2);
const lines = readline.createInterface({ input: process.stdin });
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

say('ready');
lines.once('line', () => {
  let opened;
  try {
    opened = openDatabase(file!, { create: true });
  } catch (err) {
    say({ error: err instanceof AppError ? err.toData() : { code: 'THROWN', message: String(err) } });
    process.exit(0);
  }
  const { db } = opened;
  const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get();
  if (mode === 'hold') {
    db.prepare(
      "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C900001', '另一个进程的客户', ?, ?)",
    ).run('2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z');
  }
  say({
    opened: { pid: process.pid, readOnly: opened.readOnly, version: opened.schemaVersion, tables },
  });
  if (mode === 'hold') {
    lines.on('close', () => {
      opened.release();
      process.exit(0);
    });
  } else {
    setTimeout(() => {
      opened.release();
      process.exit(0);
    }, Number(holdMs));
  }
});
