import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunResult, TrendResult } from '../../src-main/contract';
import { DatabaseHost } from '../../src-main/service/host';
import { hostData, hostJob } from '../helpers/host';
import { makeTempDir } from '../helpers/db';
import { loadReference, northwind, NORTHWIND_RANGE, referenceTrend, type Row } from '../helpers/northwind';

/**
 * The Northwind data imported through 导入, not the records layer: its customers and products
 * files, then its sales as a spreadsheet holds them (orders joined with their details, one row per
 * line, the rows of an order scattered through the file), each by an `import.run` job in the
 * database worker. 销售走势 by month and its total then equal what plain SQL computes over the
 * CSV files (tests/helpers/northwind.ts), as for the records layer (northwind.test.ts).
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
let reference: Database.Database;
const results: Record<string, ImportRunResult> = {};

const data = <T>(channel: string, input: unknown = {}) => hostData<T>(host, channel, input);
const job = (input: Record<string, unknown>) => hostJob(host, input);

/** A CSV file of `rows` in the temp folder; the mapping of its columns, by header. */
function file(name: string, rows: Row[], fields: Record<string, string>) {
  const headers = Object.keys(rows[0]!);
  const filePath = path.join(tmp.dir, name);
  fs.writeFileSync(filePath, Papa.unparse(rows, { columns: headers }));
  return { path: filePath, mapping: headers.map((h) => fields[h] ?? null) };
}

async function importFile(
  recordKind: string,
  f: ReturnType<typeof file>,
  fixed?: Record<string, string>,
): Promise<ImportRunResult> {
  const ran = await job({ kind: 'import.run', recordKind, ...f, ...(fixed ? { fixed } : {}), options: {} });
  if (ran.state !== 'done') throw new Error(`import of ${recordKind}: ${JSON.stringify(ran)}`);
  return ran.result as ImportRunResult;
}

beforeAll(async () => {
  tmp = makeTempDir();
  host = new DatabaseHost({ file: path.join(tmp.dir, 'crm.solocrm'), dataFolder: tmp.dir, appVersion: 't' });
  await host.start();

  results.customers = await importFile(
    'customers',
    file('customers.csv', northwind.customers, { CustomerID: 'code', CompanyName: 'name' }),
  );
  results.products = await importFile(
    'products',
    file('products.csv', northwind.products, {
      ProductID: 'code',
      ProductName: 'name',
      QuantityPerUnit: 'unit',
      UnitPrice: 'listPrice',
    }),
  );
  // One row per line, as a sales report exports them; sorted by product, so an order's rows are
  // far apart in the file.
  const orders = new Map(northwind.orders.map((o) => [o.OrderID!, o]));
  const lines = northwind.details
    .map((d) => {
      const o = orders.get(d.OrderID!)!;
      return {
        OrderID: d.OrderID!,
        OrderDate: o.OrderDate!,
        CustomerID: o.CustomerID!,
        ProductID: d.ProductID!,
        UnitPrice: d.UnitPrice!,
        Quantity: d.Quantity!,
        Discount: d.Discount!,
      };
    })
    .sort((a, b) => Number(a.ProductID) - Number(b.ProductID) || Number(a.OrderID) - Number(b.OrderID));
  results.sales = await importFile(
    'sales',
    file('sales.csv', lines, {
      OrderID: 'code',
      OrderDate: 'saleDate',
      CustomerID: 'customerId',
      ProductID: 'productId',
      UnitPrice: 'unitPrice',
      Quantity: 'quantity',
      Discount: 'discount',
    }),
    { status: 'delivered' },
  );
  reference = loadReference();
}, 120_000);

afterAll(async () => {
  reference?.close();
  await host?.close();
  tmp?.remove();
});

describe('Northwind through 导入', () => {
  it('imports every customer, product and order, each order one sale with its lines', async () => {
    expect(results.customers!.counts).toMatchObject({ new: 91, rejected: 0 });
    expect(results.products!.counts).toMatchObject({ new: 77, rejected: 0 });
    expect(results.sales!.counts).toMatchObject({ new: 830, duplicate: 0, rejected: 0 });
    expect(results.sales!.problemCount).toBe(0);
    const sale = await data<{ rows: { id: number; code: string; customerName: string }[] }>('sales.list', {
      keyword: '10248',
    });
    expect(sale.rows.map((s) => [s.code, s.customerName])).toEqual([['10248', 'Vins et alcools Chevalier']]);
    const lines = (
      await data<{ lines: { quantity: number; unitPrice: number; discount: number }[] }>('sales.get', {
        id: sale.rows[0]!.id,
      })
    ).lines;
    expect(lines.map((l) => [l.quantity, l.unitPrice, l.discount])).toEqual([
      [12, 1400, 0],
      [10, 980, 0],
      [5, 3480, 0],
    ]);
  });

  it('sums the trend by month and the total as SQL does over the CSV', async () => {
    const { months, total } = referenceTrend(reference);
    expect(months).toHaveLength(23);
    const r = await data<TrendResult>('analysis.trend', { ...NORTHWIND_RANGE, period: 'month' });
    expect(r.buckets.map((b) => ({ key: b.key, amount: b.amount, orders: b.orders }))).toEqual(months);
    expect(r.total.amount).toBe(total.amount);
    expect(r.total.orders).toBe(830);
    expect(total.amount).toBe(126_579_329);
  });
});
