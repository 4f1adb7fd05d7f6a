import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { formatLocalDateTime } from './activityMeta';

/** Every field of one 行动, label and value: the detail page and the 字段详情表. */
export function activityFieldRows(
  a: Activity,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  { links = true } = {},
): (FieldRow & { name: string })[] {
  const row = (name: string, value: FieldRow['value']) => ({
    name,
    label: t(`activities.fields.${name}`),
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
    row('subject', a.subject),
    row('type', t(`activities.types.${a.type}`)),
    row('occurredAt', formatLocalDateTime(a.occurredAt)),
    row('customerId', link(`/customers/${a.customerId}`, a.customerName)),
    row('contactId', link(`/contacts/${a.contactId}`, a.contactName)),
    row('opportunityId', link(`/opportunities/${a.opportunityId}`, a.opportunityTitle)),
    row('ownerId', lookup.name(a.ownerId)),
    row('nextFollowUp', a.nextFollowUp),
    row('done', a.done ? t('common.yes') : t('common.no')),
    row('content', a.content),
    row('createdAt', formatDateTime(a.createdAt)),
    row('updatedAt', formatDateTime(a.updatedAt)),
  ];
}
