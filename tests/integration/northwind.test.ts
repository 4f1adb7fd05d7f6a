/**
 * The Northwind data (tests/fixtures/northwind) loaded through the records layer, the same
 * handlers the screens call, then 销售走势 by month, 销售构成 by category and by customer (top 10)
 * and the total checked against plain SQL over the CSV rows in a separate in-memory database.
 *
 * Rounding: a line's amount is UnitPrice × Quantity × (1 − Discount) in cents, rounded half up to
 * the cent once, when the line is written (as the app stores it); every total is the sum of those
 * per-line amounts, so the SQL below rounds each line half up the same way before summing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, makeTestDb, type TestDb } from '../helpers/db';

const DIR = path.resolve(__dirname, '../fixtures/northwind');
type Row = Record<string, string>;

function csv(name: string): Row[] {
  const parsed = Papa.parse<Row>(fs.readFileSync(path.join(DIR, `${name}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) throw new Error(`${name}.csv: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

const categories = csv('categories');
const employees = csv('employees');
const products = csv('products');
const customers = csv('customers');
const orders = csv('orders');
const details = csv('order_details');

let t: TestDb;
let reference: Database.Database;
/** Northwind keys → the app's ids. */
const categoryIds = new Map<string, number>();
const customerIds = new Map<string, number>();

/** The CSV rows as plain tables, and each line's amount in cents, rounded half up once. */
function loadReference(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE categories (CategoryID TEXT, CategoryName TEXT);
    CREATE TABLE products (ProductID TEXT, CategoryID TEXT);
    CREATE TABLE customers (CustomerID TEXT, CompanyName TEXT);
    CREATE TABLE orders (OrderID TEXT, CustomerID TEXT, OrderDate TEXT);
    CREATE TABLE order_details (OrderID TEXT, ProductID TEXT, UnitPrice REAL, Quantity INTEGER, Discount REAL);`);
  const fill = (table: string, rows: Row[], columns: string[]) => {
    const insert = db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    db.transaction(() => rows.forEach((r) => insert.run(...columns.map((c) => r[c]))))();
  };
  fill('categories', categories, ['CategoryID', 'CategoryName']);
  fill('products', products, ['ProductID', 'CategoryID']);
  fill('customers', customers, ['CustomerID', 'CompanyName']);
  fill('orders', orders, ['OrderID', 'CustomerID', 'OrderDate']);
  fill('order_details', details, ['OrderID', 'ProductID', 'UnitPrice', 'Quantity', 'Discount']);
  // Price in cents × quantity × (100 − discount %) is the amount in hundredths of a cent, exact;
  // + 50, integer-divided by 100, is that rounded half up to the cent.
  db.exec(`CREATE VIEW lines AS
    SELECT d.OrderID, o.OrderDate, o.CustomerID, p.CategoryID,
      (CAST(round(d.UnitPrice * 100) AS INTEGER) * d.Quantity
        * (100 - CAST(round(d.Discount * 100) AS INTEGER)) + 50) / 100 AS amount
    FROM order_details d JOIN orders o ON o.OrderID = d.OrderID JOIN products p ON p.ProductID = d.ProductID`);
  return db;
}

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

/** The whole order history, 1996-07-04 … 1998-05-06, as whole months. */
const RANGE = { from: '1996-07-01', to: '1998-05-31' } as const;

describe('Northwind through the records layer', () => {
  it('loads every order and line', () => {
    expect(orders).toHaveLength(830);
    expect(details).toHaveLength(2155);
    expect(t.db.prepare('SELECT count(*) FROM sale_lines').pluck().get()).toBe(2155);
  });

  it('sums the trend by month as SQL does over the CSV', () => {
    const expected = reference
      .prepare(
        `SELECT substr(OrderDate, 1, 7) AS key, sum(amount) AS amount, count(DISTINCT OrderID) AS orders
         FROM lines GROUP BY key ORDER BY key`,
      )
      .all() as { key: string; amount: number; orders: number }[];
    expect(expected).toHaveLength(23);
    const r = call(t.ctx, 'analysis.trend', { ...RANGE, period: 'month' });
    expect(r.buckets.map((b) => ({ key: b.key, amount: b.amount, orders: b.orders }))).toEqual(expected);
    for (const b of r.buckets)
      expect(b.averageOrder).toBe(Math.floor((2 * b.amount + b.orders) / (2 * b.orders)));

    const total = reference
      .prepare('SELECT sum(amount) AS amount, count(DISTINCT OrderID) AS orders FROM lines')
      .get() as { amount: number; orders: number };
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
