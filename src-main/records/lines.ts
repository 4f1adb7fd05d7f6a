import { lineAmount, type Line, type LineInput } from '../contract';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/** Where a kind's lines live: `opportunity_lines` keyed by `opportunity_id`, `sale_lines` by `sale_id`. */
export interface LineTable {
  table: 'opportunity_lines' | 'sale_lines';
  parent: 'opportunity_id' | 'sale_id';
}

interface ProductForLine {
  id: number;
  name: string;
  unit: string | null;
  list_price: number;
  active: number;
}

/** A line as it is stored: the product's name and unit copied onto it, its amount worked out. */
export type PricedLine = Omit<Line, 'id' | 'lineNo'>;

/**
 * Lines as they will be stored, and their total, checked and written nowhere yet: every product
 * exists, and is active unless `keepProducts` lists it (a line that already carried a product
 * since deactivated may keep it). The unit price defaults to the product's list price as it is now.
 */
export function priceLines(
  db: Db,
  lines: readonly LineInput[],
  keepProducts: ReadonlySet<number> = new Set(),
): { lines: PricedLine[]; total: number } {
  const product = stmt<ProductForLine>(
    db,
    'SELECT id, name, unit, list_price, active FROM products WHERE id = ?',
  );
  let total = 0;
  const priced = lines.map((line, i) => {
    const p = product.get(line.productId);
    if (!p) {
      throw new AppError('VALIDATION', `lines.${i}.productId: no product ${line.productId}`, {
        field: `lines.${i}.productId`,
        reason: 'not_found',
      });
    }
    if (!p.active && !keepProducts.has(p.id)) {
      throw new AppError('VALIDATION', `lines.${i}.productId: product ${p.id} is inactive`, {
        field: `lines.${i}.productId`,
        reason: 'inactive',
      });
    }
    const unitPrice = line.unitPrice ?? p.list_price;
    const discount = line.discount ?? 0;
    const amount = lineAmount(line.quantity, unitPrice, discount);
    total += amount;
    return {
      productId: p.id,
      productName: p.name,
      unit: p.unit,
      quantity: line.quantity,
      unitPrice,
      discount,
      amount,
    };
  });
  return { lines: priced, total };
}

/** Replaces all lines of a record with lines priceLines gave, in the caller's transaction. */
export function writeLines(db: Db, where: LineTable, parentId: number, lines: readonly PricedLine[]): void {
  stmt(db, `DELETE FROM ${where.table} WHERE ${where.parent} = ?`).run(parentId);
  const insert = stmt(
    db,
    `INSERT INTO ${where.table} (${where.parent}, line_no, product_id, product_name, unit, quantity, unit_price, discount, amount)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  lines.forEach((l, i) =>
    insert.run(
      parentId,
      i + 1,
      l.productId,
      l.productName,
      l.unit,
      l.quantity,
      l.unitPrice,
      l.discount,
      l.amount,
    ),
  );
}

/** Replaces all lines of a record, in the caller's transaction, and returns their total (priceLines). */
export function replaceLines(
  db: Db,
  where: LineTable,
  parentId: number,
  lines: readonly LineInput[],
  keepProducts?: ReadonlySet<number>,
): number {
  const priced = priceLines(db, lines, keepProducts);
  writeLines(db, where, parentId, priced.lines);
  return priced.total;
}

/** The products already on a record's lines (they may stay even when since deactivated). */
export function productsOnLines(db: Db, where: LineTable, parentId: number): Set<number> {
  const ids = stmt(db, `SELECT DISTINCT product_id FROM ${where.table} WHERE ${where.parent} = ?`)
    .pluck()
    .all(parentId) as number[];
  return new Set(ids);
}

export function readLines(db: Db, where: LineTable, parentId: number): Line[] {
  return stmt<Line>(
    db,
    `SELECT id, line_no AS lineNo, product_id AS productId, product_name AS productName, unit, quantity,
            unit_price AS unitPrice, discount, amount
     FROM ${where.table} WHERE ${where.parent} = ? ORDER BY line_no`,
  ).all(parentId);
}

/** Copies one record's lines to another exactly (closing an opportunity as won). */
export function copyLines(db: Db, from: LineTable, fromId: number, to: LineTable, toId: number): number {
  stmt(
    db,
    `INSERT INTO ${to.table} (${to.parent}, line_no, product_id, product_name, unit, quantity, unit_price, discount, amount)
     SELECT ?, line_no, product_id, product_name, unit, quantity, unit_price, discount, amount
     FROM ${from.table} WHERE ${from.parent} = ? ORDER BY line_no`,
  ).run(toId, fromId);
  return (stmt(db, `SELECT coalesce(sum(amount), 0) FROM ${to.table} WHERE ${to.parent} = ?`)
    .pluck()
    .get(toId) ?? 0) as number;
}
