import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Opportunity } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';

/**
 * Every field of an opportunity as label and value: the 字段详情表 and the 基本信息 tab.
 * `saleCode` names the sale a won opportunity became, when it is known.
 */
export function opportunityFieldRows(
  o: Opportunity,
  t: TFunction,
  language: string,
  lookup: ReturnType<typeof useBaseLookup>,
  saleCode?: string | null,
): (FieldRow & { name: string })[] {
  const row = (name: string, value: FieldRow['value']) => ({
    name,
    label: t(`opportunities.fields.${name}`),
    value,
  });
  const linesTotal = o.lines.reduce((sum, l) => sum + l.amount, 0);
  return [
    row('code', o.code),
    row('title', o.title),
    row(
      'customerId',
      <Anchor component={Link} to={`/customers/${o.customerId}`} size="sm">
        {o.customerName}
      </Anchor>,
    ),
    row('contactId', o.contactName ?? ''),
    row('sourceId', lookup.name(o.sourceId)),
    row('stageId', lookup.name(o.stageId)),
    row('probability', `${o.probability}%`),
    row('expectedAmount', formatMoney(o.expectedAmount, language)),
    row('expectedCloseDate', o.expectedCloseDate ?? ''),
    row('ownerId', lookup.name(o.ownerId)),
    row('status', t(`opportunities.status.${o.status}`)),
    ...(o.status === 'lost' ? [row('lostReason', o.lostReason ?? '')] : []),
    row('closedAt', formatDateTime(o.closedAt)),
    ...(o.saleId != null
      ? [
          row(
            'saleId',
            <Anchor component={Link} to={`/sales/${o.saleId}`} size="sm">
              {saleCode ?? `#${o.saleId}`}
            </Anchor>,
          ),
        ]
      : []),
    row(
      'lines',
      o.lines.length
        ? t('opportunities.linesCount', { count: o.lines.length, total: formatMoney(linesTotal, language) })
        : '',
    ),
    row('notes', o.notes ?? ''),
    row('createdAt', formatDateTime(o.createdAt)),
    row('updatedAt', formatDateTime(o.updatedAt)),
  ];
}
