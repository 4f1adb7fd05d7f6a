/**
 * 导入 of a customers file as the app runs it: the `import.run` job through the database worker
 * (a before-import backup, the check, the records through the door, the journal), against the bare
 * prepared INSERT of the same rows in one transaction; and the customers list while it runs.
 * Each import goes into a fresh file, so the other cases' file is left as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, JobInfo } from '../../src-main/contract';
import { closeDatabase, openDatabase } from '../../src-main/db/open';
import { DatabaseHost } from '../../src-main/service/host';
import { summarize, type Results, type Target } from './measure';

export const importTargets: Target[] = [
  { applies: (name) => name === 'import.customers', p95_ms: 5000, ratio: 3 },
  { applies: (name) => name === 'concurrent.customers.list during import', p95_ms: 50 },
];

/** The rows of the customers file. */
const ROWS = 100_000;
/** Imports of 100,000 rows take seconds: this many. */
const RUNS = 3;

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A customers file as a salesperson's spreadsheet has it: UTF-8 CSV, Chinese headers. */
function writeCustomersCsv(file: string): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const n = String(i).padStart(6, '0');
    rows.push([`导入客户${n}有限公司`, `0571-8${n}`, `139${n}00`, `c${n}@example.cn`, '杭州']);
  }
  const text = ['客户名称,电话,手机,电子邮件,城市', ...rows.map((r) => r.join(','))].join('\r\n');
  fs.writeFileSync(file, `\uFEFF${text}\r\n`);
  return rows;
}

/** The same rows by one prepared INSERT in one transaction: the floor an import is measured against. */
function bareInsert(file: string, rows: string[][]): number {
  const opened = openDatabase(file);
  try {
    const insert = opened.db.prepare(
      `INSERT INTO customers (code, name, phone, mobile, email, city, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    const start = process.hrtime.bigint();
    opened.db.transaction(() => {
      rows.forEach((r, i) => insert.run(`C${String(i + 1).padStart(6, '0')}`, ...r, now, now));
    })();
    return elapsed(start);
  } finally {
    closeDatabase(opened.db);
  }
}

async function data<T>(host: DatabaseHost, channel: string, input: unknown): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

/** One import into a fresh file, timed from the job's start to its end, lists read meanwhile. */
async function importOnce(dir: string, csv: string, run: number, lists: number[]): Promise<number> {
  const host = new DatabaseHost({
    file: path.join(dir, `import-${run}.db`),
    dataFolder: dir,
    appVersion: 'bench',
  });
  await host.start();
  try {
    const start = process.hrtime.bigint();
    const started = await data<JobInfo>(host, 'jobs.start', {
      kind: 'import.run',
      recordKind: 'customers',
      path: csv,
      mapping: ['name', 'phone', 'mobile', 'email', 'city'],
      options: { duplicates: 'skip' },
    });
    for (
      let info = started;
      info.state === 'running';
      info = await data<JobInfo>(host, 'jobs.get', { id: started.id })
    ) {
      const listStart = process.hrtime.bigint();
      await data(host, 'customers.list', { pageSize: 50 });
      lists.push(elapsed(listStart));
      await new Promise((done) => setTimeout(done, 5));
    }
    const ms = elapsed(start);
    const done = await data<JobInfo>(host, 'jobs.get', { id: started.id });
    if (done.state !== 'done') throw new Error(`import.run ${done.state}: ${JSON.stringify(done.error)}`);
    return ms;
  } finally {
    await host.close();
  }
}

export async function runImportSuite(results: Results): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-bench-import-'));
  try {
    const csv = path.join(dir, '客户名单.csv');
    const rows = writeCustomersCsv(csv);
    const bare: number[] = [];
    const imports: number[] = [];
    const lists: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bare.push(bareInsert(path.join(dir, `bare-${run}.db`), rows));
      imports.push(await importOnce(dir, csv, run, lists));
    }
    results.set('import.customers', summarize(imports));
    results.set('import.customers bare', summarize(bare));
    results.ratio('import.customers', summarize(imports).p50_ms / summarize(bare).p50_ms);
    results.set('concurrent.customers.list during import', summarize(lists));
    return ['import.customers', 'concurrent.customers.list during import'];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
