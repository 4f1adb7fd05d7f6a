import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Expense } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';

/**
 * Every field of one 费用 as label and value: the detail page and the 费用字段详情表. `links` makes
 * the customer and opportunity links (on screen, not on paper).
 */
export function expenseFieldRows(
  e: Expense,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  language: string,
  { links = true } = {},
): (FieldRow & { name: string })[] {
  const row = (name: string, value: FieldRow['value']) => ({
    name,
    label: t(`expenses.fields.${name}`),
    value,
  });
  const link = (to: string, text: string | null) =>
    text && links ? (
      <Anchor component={Link} to={to} size="sm">
        {text}
      </Anchor>
    ) : (
      text
    );
  return [
    row('expenseDate', e.expenseDate),
    row('categoryId', lookup.name(e.categoryId)),
    row('amount', formatMoney(e.amount, language)),
    row('customerId', link(`/customers/${e.customerId}?tab=expenses`, e.customerName)),
    row('opportunityId', link(`/opportunities/${e.opportunityId}?tab=expenses`, e.opportunityTitle)),
    row('ownerId', lookup.name(e.ownerId)),
    row('description', e.description),
    row('createdAt', formatDateTime(e.createdAt)),
    row('updatedAt', formatDateTime(e.updatedAt)),
  ];
}
