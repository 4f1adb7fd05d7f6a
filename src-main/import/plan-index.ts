/**
 * The check step's memory of who is who: the stored records of the kind being imported, by their
 * exact and likely keys (duplicates.ts), and the rows of the file planned so far joining them; and,
 * for contacts, the customers a row's 所属客户 may name. Built in one scan of the key columns.
 */
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { codeKey, indexKeys, likelyKeys, nameKey, type KeyedKind, type KeyFields } from './duplicates';

/** A record a row may be the same as: a stored one (`id`) or an earlier row of the file (`row`). */
export interface Ref {
  id?: number;
  row?: number;
  name: string;
}

export type LikelyReason = 'likely_name' | 'same_phone' | 'same_email';

/** Most likely matches kept for one row: enough to decide, not a list of a whole switchboard. */
const MAX_LIKELY = 20;

const reasonOf = (key: string): LikelyReason =>
  key.startsWith('phone:') ? 'same_phone' : key.startsWith('email:') ? 'same_email' : 'likely_name';

export class DuplicateIndex {
  private readonly exact = new Map<string, Ref>();
  /** One record, or the few sharing the key: most keys find one, and 100,000 arrays of one cost memory. */
  private readonly likely = new Map<string, Ref | Ref[]>();

  /**
   * `withLikely` false: exact keys only. The import step lists no likely duplicates (the check did,
   * for the user to decide on), and their keys are half the work and most of the memory.
   */
  constructor(
    private readonly kind: KeyedKind,
    private readonly withLikely = true,
  ) {}

  /** A record's likely keys: a row's are made once, for findLikely and then add. */
  likelyKeysOf(fields: KeyFields): string[] {
    return this.withLikely ? likelyKeys(this.kind, fields) : [];
  }

  /** A record (stored, or a planned row) joins the index; a key taken already keeps its first. */
  add(fields: KeyFields, ref: Ref, likely = this.likelyKeysOf(fields)): void {
    for (const k of indexKeys(this.kind, fields)) if (!this.exact.has(k)) this.exact.set(k, ref);
    for (const k of likely) {
      const refs = this.likely.get(k);
      if (!refs) this.likely.set(k, ref);
      else if (!Array.isArray(refs)) {
        if (refs !== ref) this.likely.set(k, [refs, ref]);
      } else if (refs.length < MAX_LIKELY && refs[refs.length - 1] !== ref) refs.push(ref);
    }
  }

  /** The record any of these exact keys finds, first key first. */
  findExact(keys: readonly string[]): Ref | undefined {
    for (const k of keys) {
      const ref = this.exact.get(k);
      if (ref) return ref;
    }
    return undefined;
  }

  /** Records sharing one of these likely keys, each once, with the first key's kind as the reason. */
  findLikely(likely: readonly string[]): { ref: Ref; reason: LikelyReason }[] {
    const found = new Map<Ref, LikelyReason>();
    for (const k of likely) {
      const refs = this.likely.get(k);
      for (const ref of refs === undefined ? [] : Array.isArray(refs) ? refs : [refs]) {
        if (!found.has(ref) && found.size < MAX_LIKELY) found.set(ref, reasonOf(k));
      }
    }
    return [...found].map(([ref, reason]) => ({ ref, reason }));
  }
}

/**
 * The key columns of each flat kind, under the contract's field names (duplicates.ts), and the
 * words a likely duplicate is shown by, as `name`.
 */
const KEY_COLUMNS: Record<IndexedKind, string> = {
  customers: 'SELECT id, code, name, phone, mobile, email FROM customers',
  products: 'SELECT id, code, name FROM products',
  contacts: 'SELECT id, customer_id AS customerId, name, phone, mobile, email FROM contacts',
  opportunities: 'SELECT id, code, customer_id AS customerId, title, title AS name FROM opportunities',
  activities: `SELECT id, customer_id AS customerId, occurred_at AS occurredAt, type, subject,
    subject AS name FROM activities`,
  feedback: `SELECT id, code, customer_id AS customerId, received_date AS receivedDate, subject,
    subject AS name FROM feedback`,
  expenses: `SELECT id, expense_date AS expenseDate, category_id AS categoryId, amount,
    customer_id AS customerId, description, coalesce(description, expense_date) AS name FROM expenses`,
};

export type IndexedKind =
  'customers' | 'contacts' | 'products' | 'opportunities' | 'activities' | 'feedback' | 'expenses';

/** The stored records of `kind` in an index (see DuplicateIndex for `withLikely`). */
export function indexStored(db: Db, kind: IndexedKind, withLikely = true): DuplicateIndex {
  const index = new DuplicateIndex(kind, withLikely);
  for (const row of stmt<Record<string, string | number | null> & { id: number; name: string }>(
    db,
    KEY_COLUMNS[kind],
  ).iterate()) {
    index.add(row, { id: row.id, name: row.name });
  }
  return index;
}

/** Customers by code and by name (exact, as duplicates.ts matches them): what a link cell names. */
export interface CustomerLookup {
  byCode: Map<string, number>;
  byName: Map<string, number>;
}

/** Every stored customer; a name two customers share finds the older one. */
export function customerLookup(db: Db): CustomerLookup {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const c of stmt<{ id: number; code: string; name: string }>(
    db,
    'SELECT id, code, name FROM customers ORDER BY id',
  ).iterate()) {
    byCode.set(codeKey(c.code), c.id);
    const key = nameKey(c.name);
    if (!byName.has(key)) byName.set(key, c.id);
  }
  return { byCode, byName };
}

/** Products by code and by name, as a sale line's 产品 cell names one; and which are no longer sold. */
export interface ProductLookup extends CustomerLookup {
  inactive: Set<number>;
}

/** Every stored product; a name two products share finds the older one. */
export function productLookup(db: Db): ProductLookup {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  const inactive = new Set<number>();
  for (const p of stmt<{ id: number; code: string; name: string; active: number }>(
    db,
    'SELECT id, code, name, active FROM products ORDER BY id',
  ).iterate()) {
    byCode.set(codeKey(p.code), p.id);
    const key = nameKey(p.name);
    if (!byName.has(key)) byName.set(key, p.id);
    if (p.active !== 1) inactive.add(p.id);
  }
  return { byCode, byName, inactive };
}

/** Contacts by `<customer id>:<name key>`: a sale's 联系人 is one of its customer's. */
export function contactLookup(db: Db): Map<string, number> {
  const byName = new Map<string, number>();
  for (const c of stmt<{ id: number; customerId: number; name: string }>(
    db,
    'SELECT id, customer_id AS customerId, name FROM contacts ORDER BY id',
  ).iterate()) {
    const key = `${c.customerId}:${nameKey(c.name)}`;
    if (!byName.has(key)) byName.set(key, c.id);
  }
  return byName;
}

/** Opportunities by code, by `<customer id>:<title key>`, and by title alone (the oldest of a title). */
export interface OpportunityLookup {
  byCode: Map<string, number>;
  byTitle: Map<string, number>;
  byTitleAnywhere: Map<string, number>;
}

export function opportunityLookup(db: Db): OpportunityLookup {
  const found: OpportunityLookup = { byCode: new Map(), byTitle: new Map(), byTitleAnywhere: new Map() };
  for (const o of stmt<{ id: number; code: string; customerId: number; title: string }>(
    db,
    'SELECT id, code, customer_id AS customerId, title FROM opportunities ORDER BY id',
  ).iterate()) {
    found.byCode.set(codeKey(o.code), o.id);
    const title = nameKey(o.title);
    const atCustomer = `${o.customerId}:${title}`;
    if (!found.byTitle.has(atCustomer)) found.byTitle.set(atCustomer, o.id);
    if (!found.byTitleAnywhere.has(title)) found.byTitleAnywhere.set(title, o.id);
  }
  return found;
}

/** Stored sales by order number (their code, as codeKey compares codes). */
export function saleCodes(db: Db): Map<string, number> {
  const byCode = new Map<string, number>();
  for (const s of stmt<{ id: number; code: string }>(db, 'SELECT id, code FROM sales').iterate()) {
    byCode.set(codeKey(s.code), s.id);
  }
  return byCode;
}
