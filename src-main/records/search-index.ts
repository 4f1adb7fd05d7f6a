import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { searchGrams } from './search-text';

/** Replaces a record's row in its FTS5 search table with the bigrams of the given fields. */
export function writeSearchRow(
  db: Db,
  searchTable: string,
  id: number,
  fields: (string | null | undefined)[],
): void {
  stmt(db, `DELETE FROM ${searchTable} WHERE rowid = ?`).run(id);
  stmt(db, `INSERT INTO ${searchTable} (rowid, grams) VALUES (?, ?)`).run(id, searchGrams(fields));
}

/** Rebuilds a customer's search row: its own fields and its contacts' names. */
export function indexCustomer(db: Db, id: number): void {
  const c = stmt<Record<string, string | null>>(
    db,
    'SELECT code, name, short_name, phone, mobile, email FROM customers WHERE id = ?',
  ).get(id);
  if (!c) return;
  const contactNames = stmt(db, 'SELECT name FROM contacts WHERE customer_id = ?')
    .pluck()
    .all(id) as string[];
  writeSearchRow(db, 'customer_search', id, [
    c.code,
    c.name,
    c.short_name,
    c.phone,
    c.mobile,
    c.email,
    ...contactNames,
  ]);
}
