import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportCheckResult, ImportPreview, ImportRunResult, JobInfo } from '../../src-main/contract';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir, tableHashes } from '../helpers/db';
import { hostData, hostJob } from '../helpers/host';
import { importFixture } from '../helpers/import-files';
import { closeDatabase, openDatabase } from '../../src-main/db/open';

/**
 * 导入 of the files in tests/fixtures/import as the wizard drives it, through the database worker:
 * `import.preview` (the suggested mapping), `import.check`, `import.run` in each duplicates mode,
 * and `import.undo`, after which every record table is as it was before the import.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
const dbFile = () => path.join(tmp.dir, 'crm.solocrm');
const data = <T>(channel: string, input: unknown = {}) => hostData<T>(host, channel, input);

async function done<T>(input: Record<string, unknown>): Promise<T> {
  const info: JobInfo = await hostJob(host, input);
  expect(info.state, JSON.stringify(info.error)).toBe('done');
  return info.result as T;
}

/** A fixture's check and import jobs' input, with the mapping the wizard suggests. */
async function jobInput(kind: string, fixture: string, options: Record<string, unknown> = {}) {
  const file = importFixture(fixture);
  const preview = await done<ImportPreview>({ kind: 'import.preview', recordKind: kind, path: file });
  return {
    recordKind: kind,
    path: file,
    mapping: preview.suggested,
    options: { duplicates: 'skip', missingLinks: 'reject', ...options },
  };
}

/**
 * Every record table's contents: not the journal's and the search index's own tables, nor the
 * settings (the mapping an import remembers stays remembered after its undo).
 */
async function recordTables(): Promise<Record<string, string>> {
  // Read on a connection of the test's own: the worker holds the file, readers may share it.
  const opened = openDatabase(dbFile(), { readOnly: true });
  try {
    return Object.fromEntries(
      Object.entries(tableHashes(opened.db)).filter(
        ([name]) =>
          !name.startsWith('import') &&
          !name.includes('_search_') &&
          !name.includes('stale') &&
          name !== 'settings',
      ),
    );
  } finally {
    closeDatabase(opened.db);
  }
}

beforeEach(async () => {
  tmp = makeTempDir();
  host = new DatabaseHost({ file: dbFile(), dataFolder: tmp.dir, appVersion: 't' });
  await host.start();
  await data('customers.create', { name: '北京华信科技有限公司', phone: '010-88886666', notes: '老客户' });
  await data('customers.create', { name: '杭州西湖茶业有限公司' });
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('导入 of the fixture files', () => {
  it('check-customers.csv: every problem, duplicate and likely duplicate; each mode; undo', async () => {
    const input = await jobInput('customers', 'check-customers.csv');
    const check = await done<ImportCheckResult>({ kind: 'import.check', ...input });
    expect(check.problems.map((p) => [p.row, p.field, p.reason])).toEqual([[4, 'name', 'required']]);
    // Row 5 is row 2 again; row 6 is a stored customer; row 7 is like a stored one.
    expect(check.counts).toEqual({ new: 4, update: 0, duplicate: 2, rejected: 1 });
    expect(check.likely.map((l) => [l.row, l.matches[0]!.name, l.matches[0]!.reason])).toEqual([
      [7, '杭州西湖茶业有限公司', 'likely_name'],
    ]);

    for (const [mode, counts, rows] of [
      ['skip', { new: 4, update: 0, duplicate: 2 }, 4],
      ['update', { new: 4, update: 2, duplicate: 0 }, 4],
      ['create', { new: 6, update: 0, duplicate: 0 }, 6],
    ] as const) {
      const before = await recordTables();
      const run = await done<ImportRunResult>({
        kind: 'import.run',
        ...input,
        options: { ...input.options, duplicates: mode },
      });
      expect(run.counts, mode).toMatchObject({ ...counts, rejected: 1 });
      const total = (await data<{ total: number }>('customers.list', {})).total;
      expect(total, mode).toBe(2 + rows);
      const made = (
        await data<{ rows: { name: string; phone: string | null; notes: string | null }[] }>(
          'customers.list',
          { pageSize: 50 },
        )
      ).rows;
      // Full-width digits are half-width. Row 5 is row 2 again: left alone, taken as a change of
      // the record row 2 made, or made as a second record.
      const mingda = made
        .filter((c) => c.name === '上海明达贸易有限公司')
        .map((c) => c.phone)
        .sort();
      expect(mingda, mode).toEqual(
        { skip: ['0571-88886666'], update: ['021-5555'], create: ['021-5555', '0571-88886666'] }[mode],
      );
      // A formula is text, as written.
      const formula = await data<{ rows: { id: number }[] }>('customers.list', { keyword: '深圳南山' });
      const shenzhen = await data<{ notes: string }>('customers.get', { id: formula.rows[0]!.id });
      expect(shenzhen.notes).toBe('=HYPERLINK("http://evil.example")');
      if (mode === 'update') {
        // The stored customer takes the filled cells only: its phone and notes stay unless given.
        const huaxin = made.find((c) => c.name === '北京华信科技有限公司')!;
        expect(huaxin.phone).toBe('010-88886666');
      }
      await done({ kind: 'import.undo', importId: run.importId });
      expect(await recordTables(), mode).toEqual(before);
    }
  });

  it('dates-ambiguous.csv: 5/3/1985 is asked, never guessed; with the order chosen it imports', async () => {
    const input = await jobInput('contacts', 'dates-ambiguous.csv');
    const check = await done<ImportCheckResult>({ kind: 'import.check', ...input });
    expect(check.problems.map((p) => [p.row, p.field, p.params?.format])).toEqual([
      [2, 'birthday', 'ambiguous_date'],
      [3, 'birthday', 'ambiguous_date'],
    ]);
    const run = await done<ImportRunResult>({
      kind: 'import.run',
      ...input,
      options: { ...input.options, dayMonthOrder: 'dmy' },
    });
    expect(run.counts).toMatchObject({ new: 3, rejected: 0 });
    const contacts = await data<{ rows: { id: number; name: string }[] }>('contacts.list', { pageSize: 10 });
    const wang = await data<{ birthday: string }>('contacts.get', {
      id: contacts.rows.find((c) => c.name === '王建国')!.id,
    });
    expect(wang.birthday).toBe('1985-03-05');
  });

  it('sales-orders.csv: one sale per order number with its lines; an order whose rows disagree is rejected whole; undo', async () => {
    await data('products.create', { name: '龙井茶', listPrice: 12_000 });
    await data('products.create', { name: '茶杯', listPrice: 1_500 });
    const before = await recordTables();
    const input = await jobInput('sales', 'sales-orders.csv');
    const run = await done<ImportRunResult>({ kind: 'import.run', ...input });
    expect(run.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(run.problems.map((p) => [p.row, p.reason])).toEqual([
      [5, 'order_conflict'],
      [5, 'order_conflict'],
      [6, 'order_conflict'],
      [6, 'order_conflict'],
    ]);
    const sales = await data<{ rows: { code: string; amount: number }[] }>('sales.list', {
      sort: { column: 'code', direction: 'asc' },
    });
    // SO-1001: 2 × 120.00 less 5 % (the column's 0.05 is a fraction) + 1 × 15.00.
    expect(sales.rows.map((s) => [s.code, s.amount])).toEqual([
      ['SO-1001', 22_800 + 1_500],
      ['SO-1002', 15_000],
    ]);
    await done({ kind: 'import.undo', importId: run.importId });
    expect(await recordTables()).toEqual(before);
  });

  it('10,000 rows with one bad row in the middle: 9,999 imported, 1 rejected with its reason', async () => {
    const file = path.join(tmp.dir, '一万个客户.csv');
    const lines = ['客户名称,电话'];
    for (let i = 0; i < 10_000; i++) lines.push(`${i === 5000 ? '' : `批量客户${i}`},0571-${80_000_000 + i}`);
    fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const run = await done<ImportRunResult>({
      kind: 'import.run',
      recordKind: 'customers',
      path: file,
      mapping: ['name', 'phone'],
      options: { duplicates: 'skip' },
    });
    expect(run.counts).toMatchObject({ new: 9_999, rejected: 1 });
    expect(run.problems).toEqual([
      { row: 5002, column: '客户名称', field: 'name', value: '', reason: 'required' },
    ]);
    expect(run.rejected).toHaveLength(1);
  });
});
