import type { TFunction } from 'i18next';
import type { TrashKind } from '../../../src-main/contract';

/** Tables in the order a sentence names them; lines and stage history follow their record. */
const order = [
  'customers',
  'contacts',
  'opportunities',
  'sales',
  'feedback',
  'expenses',
  'activities',
  'products',
] as const;
const nested: Record<string, readonly string[]> = {
  opportunities: ['opportunity_lines', 'opportunity_stage_history'],
  sales: ['sale_lines'],
};
const named = new Set<string>([...order, ...Object.values(nested).flat()]);

/**
 * What went with a record, in words: "2 个联系人、1 笔销售（3 行明细）". Tables the screen has
 * no word for are counted together as 其他记录. Empty when nothing went with it.
 */
export function countsText(t: TFunction, counts: Record<string, number>): string {
  const word = (table: string, n: number) => t(`trash.counts.${table}`, { count: n });
  const sep = t('trash.counts.separator');
  const parts: string[] = [];
  for (const table of order) {
    const children = (nested[table] ?? [])
      .filter((c) => counts[c])
      .map((c) => word(c, counts[c]!))
      .join(sep);
    const own = counts[table];
    if (own)
      parts.push(
        children ? t('trash.counts.nested', { parent: word(table, own), children }) : word(table, own),
      );
    else if (children) parts.push(children);
  }
  const other = Object.entries(counts)
    .filter(([table]) => !named.has(table))
    .reduce((sum, [, n]) => sum + n, 0);
  if (other > 0) parts.push(word('other', other));
  return parts.join(sep);
}

/** The counts of several entries added up, table by table. */
export function sumCounts(all: Record<string, number>[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const counts of all)
    for (const [table, n] of Object.entries(counts)) sum[table] = (sum[table] ?? 0) + n;
  return sum;
}

/** A kind in a sentence: 客户 / customer. */
export const kindWord = (t: TFunction, kind: TrashKind) => t(`errors.what.${kind}`);

/** Where a record of each kind opens: every kind's page is `/<kind>/:id`. */
export const recordPath = (kind: TrashKind, id: number) => `/${kind}/${id}`;
