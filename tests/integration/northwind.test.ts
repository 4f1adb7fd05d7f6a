/**
 * The Northwind data (tests/fixtures/northwind) loaded through the records layer, the same
 * handlers the screens call, then 销售走势 by month, 销售构成 by category and by customer (top 10)
 * and the total checked against plain SQL over the CSV rows in a separate in-memory database
 * (tests/helpers/northwind.ts, which says how lines are rounded).
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestDb, type TestDb } from '../helpers/db';
import { loadReference, northwind, NORTHWIND_RANGE, referenceTrend, type Row } from '../helpers/northwind';

const { categories, employees, products, customers, orders, details } = northwind;

let t: TestDb;
let reference: Database.Database;
/** Northwind keys → the app's ids. */
const categoryIds = new Map<string, number>();
const customerIds = new Map<string, number>();

beforeAll(() => {
  t = makeTestDb();
  const reps = new Map<string, number>();
  for (const e of employees) {
    const name = `${e.FirstName} ${e.LastName}`;
    reps.set(
      e.EmployeeID!,
      call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh: name, nameEn: name }).id,
    );
  }
  for (const c of categories) {
    const name = c.CategoryName!;
    categoryIds.set(
      c.CategoryID!,
      call(t.ctx, 'baseData.create', { kind: 'product_category', nameZh: name, nameEn: name }).id,
    );
  }
  const productIds = new Map<string, number>();
  for (const p of products) {
    const id = call(t.ctx, 'products.create', {
      name: p.ProductName!,
      categoryId: categoryIds.get(p.CategoryID!)!,
      unit: p.QuantityPerUnit!,
      listPrice: Math.round(Number(p.UnitPrice) * 100),
    }).id;
    productIds.set(p.ProductID!, id);
  }
  for (const c of customers) {
    customerIds.set(
      c.CustomerID!,
      call(t.ctx, 'customers.create', { name: c.CompanyName!, city: c.City! }).id,
    );
  }
  const linesOf = new Map<string, Row[]>();
  for (const d of details) linesOf.set(d.OrderID!, [...(linesOf.get(d.OrderID!) ?? []), d]);
  for (const o of orders) {
    call(t.ctx, 'sales.create', {
      customerId: customerIds.get(o.CustomerID!)!,
      saleDate: o.OrderDate!,
      ownerId: reps.get(o.EmployeeID!)!,
      status: 'delivered',
      lines: (linesOf.get(o.OrderID!) ?? []).map((d) => ({
        productId: productIds.get(d.ProductID!)!,
        quantity: Number(d.Quantity),
        unitPrice: Math.round(Number(d.UnitPrice) * 100),
        discount: Math.round(Number(d.Discount) * 100),
      })),
    });
  }
  reference = loadReference();
}, 60_000);

afterAll(() => {
  reference?.close();
  t?.close();
});

const RANGE = NORTHWIND_RANGE;

describe('Northwind through the records layer', () => {
  it('loads every order and line', () => {
    expect(orders).toHaveLength(830);
    expect(details).toHaveLength(2155);
    expect(t.db.prepare('SELECT count(*) FROM sale_lines').pluck().get()).toBe(2155);
  });

  it('sums the trend by month as SQL does over the CSV', () => {
    const { months: expected, total } = referenceTrend(reference);
    expect(expected).toHaveLength(23);
    const r = call(t.ctx, 'analysis.trend', { ...RANGE, period: 'month' });
    expect(r.buckets.map((b) => ({ key: b.key, amount: b.amount, orders: b.orders }))).toEqual(expected);
    for (const b of r.buckets)
      expect(b.averageOrder).toBe(Math.floor((2 * b.amount + b.orders) / (2 * b.orders)));

    expect(r.total.amount).toBe(total.amount);
    expect(r.total.orders).toBe(830);
    // Summed exactly, Northwind's revenue is 1,265,793.0395; rounded half up line by line, as
    // stored, it is 1,265,793.29: many lines end in exactly half a cent and each goes up.
    expect(total.amount).toBe(126_579_329);
  });

  it('splits the total by category as SQL does', () => {
    const expected = reference
      .prepare(
        `SELECT c.CategoryName AS name, sum(l.amount) AS amount, count(DISTINCT l.OrderID) AS orders
         FROM lines l JOIN categories c ON c.CategoryID = l.CategoryID
         GROUP BY c.CategoryID ORDER BY amount DESC, name`,
      )
      .all() as { name: string; amount: number; orders: number }[];
    const r = call(t.ctx, 'analysis.composition', { ...RANGE, by: 'category' });
    expect(r.rows.map((x) => ({ name: x.name, amount: x.amount, orders: x.orders }))).toEqual(expected);
    expect(r.rows).toHaveLength(8);
    expect(r.other).toBeNull();
    expect(r.rows.at(-1)!.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('finds the top 10 customers and the rest as SQL does', () => {
    const groups = reference
      .prepare(
        `SELECT c.CompanyName AS name, sum(l.amount) AS amount, count(DISTINCT l.OrderID) AS orders
         FROM lines l JOIN customers c ON c.CustomerID = l.CustomerID
         GROUP BY l.CustomerID ORDER BY amount DESC, name`,
      )
      .all() as { name: string; amount: number; orders: number }[];
    const r = call(t.ctx, 'analysis.composition', { ...RANGE, by: 'customer', top: 10 });
    const top = groups.slice(0, 10);
    const rest = groups.slice(10);
    expect(r.rows.map((x) => ({ name: x.name, amount: x.amount, orders: x.orders }))).toEqual(top);
    const sum = (rows: typeof groups, k: 'amount' | 'orders') => rows.reduce((s, x) => s + x[k], 0);
    expect(r.other).toEqual({
      // 89 of the 91 customers ordered.
      groups: 79,
      amount: sum(rest, 'amount'),
      orders: sum(rest, 'orders'),
      share: sum(rest, 'amount') / r.total,
    });
    expect(r.total).toBe(sum(groups, 'amount'));
  });
});
