import type { Db } from '../db/open';
import { indexContact } from './contacts';
import { indexFeedback } from './feedback';
import { indexOpportunity } from './opportunities';
import { indexProduct } from './products';
import { indexSale } from './sales';
import { indexCustomer } from './search-index';

/**
 * How a row written back by hand (a trash restore, an undone import) gets its search row again,
 * per table. A table not named here has no search row of its own.
 */
export const searchIndexers: Partial<Record<string, (db: Db, id: number) => void>> = {
  customers: indexCustomer,
  contacts: indexContact,
  products: indexProduct,
  opportunities: indexOpportunity,
  sales: indexSale,
  feedback: indexFeedback,
};
