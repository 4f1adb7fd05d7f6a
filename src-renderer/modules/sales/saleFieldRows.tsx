import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Sale } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';

/**
 * Every field of a sale as label and value, with its lines' count and total: the 基本信息 grid
 * and the 销售字段详情表. `links` makes the customer and opportunity links (on screen, not on paper).
 */
export function saleFieldRows(
  s: Sale,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  language: string,
  links = false,
): FieldRow[] {
  const label = (f: string) => t(`sales.fields.${f}`);
  const money = (cents: number) => formatMoney(cents, language);
  const link = (to: string, text: string) =>
    links ? (
      <Anchor component={Link} to={to}>
        {text}
      </Anchor>
    ) : (
      text
    );
  return [
    { label: label('code'), value: s.code },
    { label: label('customerId'), value: link(`/customers/${s.customerId}`, s.customerName) },
    { label: label('contactId'), value: s.contactName },
    {
      label: label('opportunityId'),
      value:
        s.opportunityId != null && s.opportunityCode
          ? link(`/opportunities/${s.opportunityId}`, s.opportunityCode)
          : '',
    },
    { label: label('saleDate'), value: s.saleDate },
    { label: label('ownerId'), value: lookup.name(s.ownerId) },
    { label: label('status'), value: t(`sales.status.${s.status}`) },
    { label: label('amount'), value: money(s.amount) },
    { label: label('amountReceived'), value: money(s.amountReceived) },
    { label: t('sales.outstanding'), value: money(s.amount - s.amountReceived) },
    { label: label('lineCount'), value: String(s.lines.length) },
    { label: label('linesTotal'), value: money(s.lines.reduce((sum, l) => sum + l.amount, 0)) },
    { label: label('notes'), value: s.notes },
    { label: label('createdAt'), value: formatDateTime(s.createdAt) },
    { label: label('updatedAt'), value: formatDateTime(s.updatedAt) },
  ];
}
