// STUB: being written; replaced before this lands.
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { HandlerMap } from '../ipc/registry';
import { writeSearchRow } from './search-index';

/** Rebuilds a sale's search row: its order number, customer name, contact name and notes. */
export function indexSale(db: Db, id: number): void {
  const s = stmt<{ code: string; customer: string; contact: string | null; notes: string | null }>(
    db,
    `SELECT s.code, c.name AS customer, k.name AS contact, s.notes
     FROM sales s JOIN customers c ON c.id = s.customer_id LEFT JOIN contacts k ON k.id = s.contact_id
     WHERE s.id = ?`,
  ).get(id);
  if (s) writeSearchRow(db, 'sale_search', id, [s.code, s.customer, s.contact, s.notes]);
}

const todo = (): never => {
  throw new AppError('INTERNAL', 'not built yet');
};

export const saleHandlers: HandlerMap<
  'sales.list' | 'sales.get' | 'sales.create' | 'sales.update' | 'sales.delete'
> = {
  'sales.list': todo,
  'sales.get': todo,
  'sales.create': todo,
  'sales.update': todo,
  'sales.delete': todo,
};
