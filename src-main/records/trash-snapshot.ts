/**
 * The trash (回收站): what a delete keeps so a restore can bring it back.
 *
 * A deleted record is kept as the raw rows it took with it (its own and every row ON DELETE
 * CASCADE removed, as `SELECT *` gives them), plus the links ON DELETE SET NULL cleared on
 * records that stayed. Rows rather than the contract's shapes, because a restore must put back
 * exactly what was there: the same ids (so every link to them holds again), versions, times and
 * custom values. And the snapshot is driven by the schema's own foreign keys, so nothing else in
 * the schema has to know about the trash: no "deleted" flag on every table and every query, and a
 * table added later goes to the trash with its parent without a line changed here.
 */
import type { TrashKind } from '../contract';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/** A row as `SELECT *` gives it: snake_case columns. */
export type Row = Record<string, unknown>;

/** One foreign key, from `table.column` to `parent.parentColumn`. */
export interface ForeignKey {
  table: string;
  column: string;
  parent: string;
  parentColumn: string;
  /** `CASCADE`, `SET NULL`, `RESTRICT`, `NO ACTION` … as SQLite reports it. */
  onDelete: string;
  notNull: boolean;
}

/** The tables and how they hang together, read from the schema. */
export interface SchemaGraph {
  /** Every table, parents before the tables that reference them. */
  order: string[];
  columns: Map<string, string[]>;
  /** A table's own foreign keys. */
  keysOf: Map<string, ForeignKey[]>;
  /** The foreign keys that point at a table. */
  refsTo: Map<string, ForeignKey[]>;
  /** The column sets of a table's UNIQUE constraints and indexes (not the primary key, not partial ones). */
  uniques: Map<string, string[][]>;
}

/** A link ON DELETE SET NULL cleared on a record that stayed: `table.column` of row `id` was `value`. */
export interface TrashLink {
  table: string;
  id: number;
  column: string;
  value: number;
}

/** What `trash.payload` holds. */
export interface TrashPayload {
  /** The rows that went, by table, parents' tables first. */
  rows: Record<string, Row[]>;
  links: TrashLink[];
}

const graphs = new WeakMap<Db, SchemaGraph>();

/** The schema's foreign-key graph, read once per connection (migrations run before any handler). */
export function schemaGraph(db: Db): SchemaGraph {
  let graph = graphs.get(db);
  if (!graph) graphs.set(db, (graph = readGraph(db)));
  return graph;
}

function readGraph(db: Db): SchemaGraph {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
       WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const columns = new Map<string, string[]>();
  const keysOf = new Map<string, ForeignKey[]>();
  const refsTo = new Map<string, ForeignKey[]>(tables.map((t) => [t, []]));
  const uniques = new Map<string, string[][]>();
  for (const table of tables) {
    const cols = db.prepare('SELECT name, "notnull" FROM pragma_table_info(?)').all(table) as {
      name: string;
      notnull: number;
    }[];
    columns.set(
      table,
      cols.map((c) => c.name),
    );
    const fks = (
      db.prepare('SELECT "from", "table", "to", on_delete FROM pragma_foreign_key_list(?)').all(table) as {
        from: string;
        table: string;
        to: string | null;
        on_delete: string;
      }[]
    ).map((k): ForeignKey => ({
      table,
      column: k.from,
      parent: k.table,
      parentColumn: k.to ?? 'id',
      onDelete: k.on_delete.toUpperCase(),
      notNull: cols.some((c) => c.name === k.from && c.notnull === 1),
    }));
    keysOf.set(table, fks);
    for (const k of fks) refsTo.get(k.parent)?.push(k);
    const indexes = db
      .prepare(`SELECT name FROM pragma_index_list(?) WHERE "unique" = 1 AND origin <> 'pk' AND partial = 0`)
      .pluck()
      .all(table) as string[];
    uniques.set(
      table,
      indexes.map(
        (index) =>
          db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[],
      ),
    );
  }
  return { order: parentsFirst(tables, keysOf), columns, keysOf, refsTo, uniques };
}

/** The tables in an order where every table comes after the tables it references. */
function parentsFirst(tables: string[], keysOf: Map<string, ForeignKey[]>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const k of keysOf.get(table) ?? []) if (k.parent !== table) place(k.parent, path);
    path.delete(table);
    placed.add(table);
    order.push(table);
  };
  for (const t of tables) place(t, new Set());
  return order;
}

/** The title and owner shown in the trash list, read while the record is still there. */
const describeSql: Record<TrashKind, string> = {
  customers: `SELECT code || ' ' || name AS title, NULL AS owner FROM customers WHERE id = ?`,
  products: `SELECT code || ' ' || name AS title, NULL AS owner FROM products WHERE id = ?`,
  contacts: `SELECT t.name AS title, c.name AS owner
    FROM contacts t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  opportunities: `SELECT t.code || ' ' || t.title AS title, c.name AS owner
    FROM opportunities t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  sales: `SELECT t.code || ' ' || t.sale_date AS title, c.name AS owner
    FROM sales t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  feedback: `SELECT t.code || ' ' || t.subject AS title, c.name AS owner
    FROM feedback t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  activities: `SELECT t.subject AS title, c.name AS owner
    FROM activities t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`,
  // An expense has no name: its date, category and amount say which one it was.
  expenses: `SELECT t.expense_date || ' ' || coalesce(b.name_zh, '') AS title, t.amount AS amount, c.name AS owner
    FROM expenses t LEFT JOIN base_items b ON b.id = t.category_id LEFT JOIN customers c ON c.id = t.customer_id
    WHERE t.id = ?`,
};

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function describe(db: Db, kind: TrashKind, id: number): { title: string; owner: string | null } {
  const d = stmt<{ title: string; owner: string | null; amount?: number }>(db, describeSql[kind]).get(id);
  if (!d) throw new Error(`${kind} ${id} does not exist`);
  const title = d.amount === undefined ? d.title : `${d.title} ¥${yuan.format(d.amount / 100)}`;
  return { title, owner: d.owner };
}

/**
 * Snapshots a record and everything its DELETE takes or unlinks into a new trash entry, and
 * returns the entry's id. Runs inside the delete's transaction, before the DELETE.
 */
export function moveToTrash(db: Db, kind: TrashKind, id: number, now: string): number {
  const graph = schemaGraph(db);
  const root = stmt<Row>(db, `SELECT * FROM ${kind} WHERE id = ?`).get(id);
  if (!root) throw new Error(`${kind} ${id} does not exist`);

  // Every row ON DELETE CASCADE would remove, following the cascade down.
  const taken = new Map<string, Map<number, Row>>(graph.order.map((t) => [t, new Map()]));
  taken.get(kind)!.set(id, root);
  const queue: [string, Row][] = [[kind, root]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [table, row] = next;
    for (const k of graph.refsTo.get(table) ?? []) {
      if (k.onDelete !== 'CASCADE') continue;
      const children = stmt<Row>(db, `SELECT * FROM ${k.table} WHERE ${k.column} = ?`).all(
        row[k.parentColumn],
      );
      const seen = taken.get(k.table)!;
      for (const child of children) {
        if (seen.has(child.id as number)) continue;
        seen.set(child.id as number, child);
        queue.push([k.table, child]);
      }
    }
  }

  // The links ON DELETE SET NULL clears on rows that stay.
  const links: TrashLink[] = [];
  for (const [table, rows] of taken) {
    for (const k of graph.refsTo.get(table) ?? []) {
      if (k.onDelete !== 'SET NULL') continue;
      const find = stmt<{ id: number }>(db, `SELECT id FROM ${k.table} WHERE ${k.column} = ?`);
      for (const row of rows.values()) {
        const value = row[k.parentColumn] as number;
        for (const { id: other } of find.all(value)) {
          if (!taken.get(k.table)!.has(other))
            links.push({ table: k.table, id: other, column: k.column, value });
        }
      }
    }
  }

  const payload: TrashPayload = { rows: {}, links };
  const counts: Record<string, number> = {};
  for (const table of graph.order) {
    const rows = [...taken.get(table)!.values()];
    if (rows.length === 0) continue;
    payload.rows[table] = rows;
    const dependents = table === kind ? rows.length - 1 : rows.length;
    if (dependents > 0) counts[table] = dependents;
  }

  const { title, owner } = describe(db, kind, id);
  return Number(
    stmt(
      db,
      `INSERT INTO trash (kind, record_id, title, owner_name, counts, payload, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(kind, id, title, owner, JSON.stringify(counts), JSON.stringify(payload), now).lastInsertRowid,
  );
}

/**
 * Points the records waiting in the trash from one `parent` row to another, as a merge does for
 * the records in place (基础数据 merged into another entry): restored, they use the entry that
 * is still there. Returns how many references moved.
 */
export function moveTrashReferences(db: Db, parent: string, fromId: number, toId: number): number {
  const keys = [...schemaGraph(db).keysOf.values()].flat().filter((k) => k.parent === parent);
  // Only entries whose JSON holds the number somewhere (`"col":7,`) can refer to it; the rest are
  // not parsed.
  const entries = stmt<{ id: number; payload: string }>(
    db,
    `SELECT id, payload FROM trash WHERE payload LIKE '%:' || ? || ',%' OR payload LIKE '%:' || ? || '}%'`,
  ).all(String(fromId), String(fromId));
  const save = stmt(db, 'UPDATE trash SET payload = ? WHERE id = ?');
  let moved = 0;
  for (const entry of entries) {
    const payload = JSON.parse(entry.payload) as TrashPayload;
    let changed = 0;
    for (const k of keys) {
      for (const row of payload.rows[k.table] ?? []) {
        if (row[k.column] === fromId) {
          row[k.column] = toId;
          changed++;
        }
      }
    }
    if (changed > 0) save.run(JSON.stringify(payload), entry.id);
    moved += changed;
  }
  return moved;
}
