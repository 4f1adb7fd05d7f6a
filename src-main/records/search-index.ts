import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { searchGrams } from './search-text';

/**
 * Replaces a record's row in its FTS5 search table with the bigrams of the given fields; a record
 * just made (`'new'`) has no row to replace.
 */
export function writeSearchRow(
  db: Db,
  searchTable: string,
  id: number,
  fields: (string | null | undefined)[],
  record: 'new' | 'existing' = 'existing',
): void {
  if (record === 'existing') stmt(db, `DELETE FROM ${searchTable} WHERE rowid = ?`).run(id);
  stmt(db, `INSERT INTO ${searchTable} (rowid, grams) VALUES (?, ?)`).run(id, searchGrams(fields));
}

/** The columns of a customer its search row holds, besides its contacts' names. */
const CUSTOMER_SEARCHED = 'code, name, short_name AS shortName, phone, mobile, email';
type CustomerSearched = Record<'code' | 'name' | 'shortName' | 'phone' | 'mobile' | 'email', string | null>;

const customerSearchFields = (c: CustomerSearched, contactNames: string[]) => [
  c.code,
  c.name,
  c.shortName,
  c.phone,
  c.mobile,
  c.email,
  ...contactNames,
];

/** Rebuilds a customer's search row: its own fields and its contacts' names. */
export function indexCustomer(db: Db, id: number): void {
  const c = stmt<CustomerSearched>(db, `SELECT ${CUSTOMER_SEARCHED} FROM customers WHERE id = ?`).get(id);
  if (!c) return;
  const contactNames = stmt(db, 'SELECT name FROM contacts WHERE customer_id = ?')
    .pluck()
    .all(id) as string[];
  writeSearchRow(db, 'customer_search', id, customerSearchFields(c, contactNames));
}

/** The search rows of customers just made: no contacts yet, and no row to replace. */
export function indexNewCustomers(db: Db, ids: readonly number[]): void {
  const rows = stmt<CustomerSearched & { id: number }>(
    db,
    `SELECT id, ${CUSTOMER_SEARCHED} FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  for (const c of rows) writeSearchRow(db, 'customer_search', c.id, customerSearchFields(c, []), 'new');
}
