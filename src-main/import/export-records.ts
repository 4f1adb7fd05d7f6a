/**
 * 导出全部字段: records as the import reads them back, so an export is a file 导入 takes without a
 * change to its mapping. One column per import field of the kind (its custom fields included),
 * headed with the field's label; each cell written the way the import's value layer reads it:
 * money in yuan, dates ISO, yes/no as 是/否, a choice and a base-data entry by its Chinese name,
 * a linked customer, opportunity or product by its code and a contact by its name. A sale is one
 * row per line, its order number on each.
 */
import type { ImportField, ImportKind } from '../contract';
import type { Db } from '../db/open';
import { column, stmt } from '../db/statements';
import { listBaseItems } from '../records/base-data';
import { listCustomFields } from '../records/custom-fields';
import { importFields } from './fields';

export interface RecordTable {
  headers: string[];
  rows: string[][];
}

/** What a link cell says of the record it names: a code where records have one, else a name. */
const LINKED: Record<NonNullable<ImportField['link']>, string> = {
  customers: 'SELECT id, code AS word FROM customers',
  products: 'SELECT id, code AS word FROM products',
  opportunities: 'SELECT id, code AS word FROM opportunities',
  contacts: 'SELECT id, name AS word FROM contacts',
};

const yuan = (cents: number) => (cents / 100).toFixed(2);

/** The rows of `kind` with these ids, in this order, as the import would read them. */
export function exportRecords(db: Db, kind: ImportKind, ids: readonly number[]): RecordTable {
  const fields = importFields(kind, listCustomFields(db, { includeInactive: false }));
  const baseNames = new Map(listBaseItems(db, {}).map((i) => [i.id, i.nameZh]));
  const linked = new Map<string, Map<number, string>>();
  const words = (link: NonNullable<ImportField['link']>) => {
    let found = linked.get(link);
    if (!found) {
      found = new Map(
        stmt<{ id: number; word: string }>(db, LINKED[link])
          .all()
          .map((r) => [r.id, r.word]),
      );
      linked.set(link, found);
    }
    return found;
  };

  const cell = (f: ImportField, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    if (Array.isArray(value)) return value.map(String).join('、');
    switch (f.type) {
      case 'money':
        return yuan(Number(value));
      case 'boolean':
        return value === true || value === 1 ? '是' : '否';
      case 'datetime':
        return String(value).replace('T', ' ');
      case 'base':
        return baseNames.get(Number(value)) ?? '';
      case 'link':
        return words(f.link!).get(Number(value)) ?? '';
      case 'enum':
        return f.options?.find((o) => o.value === value)?.zh ?? String(value);
      default:
        return String(value);
    }
  };

  const records = stmt<Record<string, unknown>>(
    db,
    // A kind's records are in the table of its name.
    `SELECT * FROM ${kind} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  const byId = new Map(records.map((r) => [r.id as number, r]));
  const lines =
    kind === 'sales'
      ? groupLines(
          stmt<Record<string, unknown>>(
            db,
            `SELECT * FROM sale_lines WHERE sale_id IN (SELECT value FROM json_each(?)) ORDER BY sale_id, id`,
          ).all(JSON.stringify(ids)),
        )
      : null;

  const rows: string[][] = [];
  for (const id of ids) {
    const record = byId.get(id);
    if (!record) continue;
    const custom = JSON.parse(String(record.custom ?? '{}')) as Record<string, unknown>;
    const valueOf = (f: ImportField, line?: Record<string, unknown>) =>
      f.customFieldId !== undefined
        ? custom[String(f.customFieldId)]
        : f.role === 'line'
          ? line?.[column(f.key)]
          : record[column(f.key)];
    // A sale without lines is still one row.
    for (const line of lines ? (lines.get(id) ?? [undefined]) : [undefined]) {
      rows.push(fields.map((f) => cell(f, valueOf(f, line))));
    }
  }
  return { headers: fields.map((f) => f.label.zh), rows };
}

function groupLines(lines: Record<string, unknown>[]): Map<number, Record<string, unknown>[]> {
  const bySale = new Map<number, Record<string, unknown>[]>();
  for (const line of lines) {
    const saleId = line.sale_id as number;
    const list = bySale.get(saleId);
    if (list) list.push(line);
    else bySale.set(saleId, [line]);
  }
  return bySale;
}
