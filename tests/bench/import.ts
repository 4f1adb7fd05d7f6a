/**
 * 导入 as the app runs it: the `import.run` job through the database worker (a before-import
 * backup, the check, the records written as the door writes them, the journal). A customers file,
 * against the bare prepared INSERT of the same rows in one transaction; a sales file of a million
 * lines, with the process's peak memory; and the customers list while each runs. Each import goes
 * into a fresh file, so the other cases' file is left as it is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, JobInfo } from '../../src-main/contract';
import { closeDatabase, openDatabase } from '../../src-main/db/open';
import { DatabaseHost } from '../../src-main/service/host';
import { summarize, type Results, type Target } from './measure';

export const importTargets: Target[] = [
  { applies: (name) => name === 'import.customers', p95_ms: 5000, ratio: 3 },
  { applies: (name) => name.startsWith('concurrent.customers.list during'), p95_ms: 50 },
  { applies: (name) => name === 'import.sales', p95_ms: 60_000 },
  { applies: (name) => name === 'import.sales peak_rss_mb', max: 600 },
];

/** The lines of the sales file (BENCH_SALES_LINES), four to an order. */
const SALES_LINES = Number(process.env.BENCH_SALES_LINES ?? 1_000_000);

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

/** The customers and products a sales file names, made by plain INSERTs. */
function seedForSales(file: string): void {
  const opened = openDatabase(file);
  try {
    const now = new Date().toISOString();
    opened.db.transaction(() => {
      const customer = opened.db.prepare(
        'INSERT INTO customers (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
      );
      for (let i = 1; i <= 10_000; i++) customer.run(code('C', i), `销售客户${i}有限公司`, now, now);
      const product = opened.db.prepare(
        'INSERT INTO products (code, name, list_price, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (let i = 1; i <= 200; i++) product.run(code('P', i), `产品${i}`, 10_000 + i, now, now);
    })();
  } finally {
    closeDatabase(opened.db);
  }
}

const code = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, '0')}`;

/** A sales file as an order system exports it: one row per line, four lines to an order, written in chunks. */
function writeSalesCsv(file: string): void {
  const out = fs.openSync(file, 'w');
  try {
    fs.writeSync(out, '\uFEFF订单号,销售日期,客户,产品,数量,单价,折扣\r\n');
    let chunk: string[] = [];
    for (let i = 0; i < SALES_LINES; i++) {
      const order = Math.floor(i / 4);
      const date = `2025-${String(1 + (Math.floor(order / 28) % 12)).padStart(2, '0')}-${String(1 + (order % 28)).padStart(2, '0')}`;
      chunk.push(
        [
          code('SO', order + 1),
          date,
          code('C', 1 + (order % 10_000)),
          code('P', 1 + (i % 200)),
          1 + (i % 5),
          `${100 + (i % 50)}.50`,
          i % 3 === 0 ? 5 : 0,
        ].join(','),
      );
      if (chunk.length === 10_000) {
        fs.writeSync(out, `${chunk.join('\r\n')}\r\n`);
        chunk = [];
      }
    }
    if (chunk.length) fs.writeSync(out, `${chunk.join('\r\n')}\r\n`);
  } finally {
    fs.closeSync(out);
  }
}

async function data<T>(host: DatabaseHost, channel: string, input: unknown): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

/** What an import in a process of its own (import-child.ts) reports. */
export interface ChildImport {
  ms: number;
  lists: number[];
  peakRss: number;
}

/**
 * One import into `file`, timed from the job's start to its end, lists read meanwhile; `peak`
 * gets the process's largest resident memory seen while it ran.
 */
export async function importOnce(
  dir: string,
  file: string,
  job: Record<string, unknown>,
  lists: number[],
  peak = { rss: 0 },
): Promise<number> {
  const host = new DatabaseHost({ file, dataFolder: dir, appVersion: 'bench' });
  await host.start();
  const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage().rss)), 50);
  try {
    const start = process.hrtime.bigint();
    const started = await data<JobInfo>(host, 'jobs.start', { kind: 'import.run', ...job });
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
    clearInterval(sampler);
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
      imports.push(
        await importOnce(
          dir,
          path.join(dir, `import-${run}.db`),
          {
            recordKind: 'customers',
            path: csv,
            mapping: ['name', 'phone', 'mobile', 'email', 'city'],
            options: { duplicates: 'skip' },
          },
          lists,
        ),
      );
    }
    results.set('import.customers', summarize(imports));
    results.set('import.customers bare', summarize(bare));
    results.ratio('import.customers', summarize(imports).p50_ms / summarize(bare).p50_ms);
    results.set('concurrent.customers.list during import', summarize(lists));
    fs.rmSync(csv);

    // One run: a million lines take most of a minute.
    const salesCsv = path.join(dir, '销售明细.csv');
    writeSalesCsv(salesCsv);
    const salesFile = path.join(dir, 'sales.db');
    seedForSales(salesFile);
    // In a process of its own, as the app's: its memory is the app's, not the bench's.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./import-child.ts', import.meta.url)),
        JSON.stringify({
          dir,
          file: salesFile,
          job: {
            recordKind: 'sales',
            path: salesCsv,
            mapping: ['code', 'saleDate', 'customerId', 'productId', 'quantity', 'unitPrice', 'discount'],
            options: { duplicates: 'skip' },
          },
        }),
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (child.status !== 0) throw new Error(`import.sales: ${child.stderr}`);
    const sales = JSON.parse(child.stdout) as ChildImport;
    results.set('import.sales', summarize([sales.ms]));
    results.value('import.sales peak_rss_mb', sales.peakRss / 1e6);
    results.set('concurrent.customers.list during sales import', summarize(sales.lists));
    return [
      'import.customers',
      'concurrent.customers.list during import',
      'import.sales',
      'import.sales peak_rss_mb',
      'concurrent.customers.list during sales import',
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
