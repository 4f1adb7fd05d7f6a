import type { TFunction } from 'i18next';
import type { Product } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';

/** Every field of a product as label and value: the 基本信息 grid and the 产品字段详情表. */
export function productFieldRows(
  p: Product,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  language: string,
): FieldRow[] {
  const label = (f: string) => t(`products.fields.${f}`);
  return [
    { label: label('code'), value: p.code },
    { label: label('name'), value: p.name },
    { label: label('categoryId'), value: lookup.name(p.categoryId) },
    { label: label('unit'), value: p.unit },
    { label: label('listPrice'), value: formatMoney(p.listPrice, language) },
    { label: label('cost'), value: formatMoney(p.cost, language) },
    { label: label('active'), value: t(p.active ? 'products.activeYes' : 'products.activeNo') },
    { label: label('description'), value: p.description },
    { label: label('createdAt'), value: formatDateTime(p.createdAt) },
    { label: label('updatedAt'), value: formatDateTime(p.updatedAt) },
  ];
}
