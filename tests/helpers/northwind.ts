import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';

/**
 * The Northwind data (tests/fixtures/northwind) as its CSV files hold it, and the figures plain
 * SQL computes from them, for the tests that load it into the app and compare.
 *
 * Rounding: a line's amount is UnitPrice × Quantity × (1 − Discount) in cents, rounded half up to
 * the cent once, when the line is written (as the app stores it); every total is the sum of those
 * per-line amounts, so the SQL below rounds each line half up the same way before summing.
 */

export const NORTHWIND_DIR = path.resolve(__dirname, '../fixtures/northwind');
export type Row = Record<string, string>;

export function northwindCsv(name: string): Row[] {
  const parsed = Papa.parse<Row>(fs.readFileSync(path.join(NORTHWIND_DIR, `${name}.csv`), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length) throw new Error(`${name}.csv: ${parsed.errors[0]!.message}`);
  return parsed.data;
}

export const northwind = {
  categories: northwindCsv('categories'),
  employees: northwindCsv('employees'),
  products: northwindCsv('products'),
  customers: northwindCsv('customers'),
  orders: northwindCsv('orders'),
  details: northwindCsv('order_details'),
};

/** The whole order history, 1996-07-04 … 1998-05-06, as whole months. */
export const NORTHWIND_RANGE = { from: '1996-07-01', to: '1998-05-31' } as const;

/** The CSV rows as plain tables, and each line's amount in cents, rounded half up once (view `lines`). */
export function loadReference(): Database.Database {
  const { categories, products, customers, orders, details } = northwind;
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

/** 销售走势 by month and its total, as SQL sums the lines. */
export function referenceTrend(reference: Database.Database) {
  const months = reference
    .prepare(
      `SELECT substr(OrderDate, 1, 7) AS key, sum(amount) AS amount, count(DISTINCT OrderID) AS orders
       FROM lines GROUP BY key ORDER BY key`,
    )
    .all() as { key: string; amount: number; orders: number }[];
  const total = reference
    .prepare('SELECT sum(amount) AS amount, count(DISTINCT OrderID) AS orders FROM lines')
    .get() as { amount: number; orders: number };
  return { months, total };
}
