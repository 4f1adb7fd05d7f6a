import type { TFunction } from 'i18next';
import type { Customer } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { customerFieldSpecs } from './fields';

/** Every field of a customer as label and value: the field detail table and the basic-info tab. */
export function customerFieldRows(
  c: Customer,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
): (FieldRow & { name: string })[] {
  return [
    { name: 'code', label: t('fields.code'), value: c.code },
    ...customerFieldSpecs.map((f) => ({
      name: f.name,
      label: t(`fields.${f.name}`),
      value: f.kind === 'base' ? lookup.name(c[f.name]) : (c[f.name] ?? ''),
    })),
    { name: 'createdAt', label: t('fields.createdAt'), value: formatDateTime(c.createdAt) },
    { name: 'updatedAt', label: t('fields.updatedAt'), value: formatDateTime(c.updatedAt) },
  ];
}
