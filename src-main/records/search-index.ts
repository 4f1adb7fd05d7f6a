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
