import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Feedback } from '../../../src-main/contract';
import type { FieldRow } from '../../components/FieldDetailTable';
import type { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { SatisfactionStars } from './meta';

/**
 * Every field of one 服务反馈, label and value: the detail page's grid and the 服务反馈字段详情表.
 * `links` makes the customer and contact links (on screen, not on paper).
 */
export function feedbackFieldRows(
  f: Feedback,
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  links = false,
): (FieldRow & { name: string })[] {
  const row = (name: string, value: FieldRow['value']) => ({
    name,
    label: t(`feedback.fields.${name}`),
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
    row('code', f.code),
    row('subject', f.subject),
    row('customerId', link(`/customers/${f.customerId}`, f.customerName)),
    row('contactId', link(`/contacts/${f.contactId}`, f.contactName)),
    row('typeId', lookup.name(f.typeId)),
    row('priority', t(`feedback.priority.${f.priority}`)),
    row('status', t(`feedback.status.${f.status}`)),
    row('receivedDate', f.receivedDate),
    row('handlerId', lookup.name(f.handlerId)),
    row('content', f.content),
    row('result', f.result),
    row('satisfaction', f.satisfaction == null ? null : <SatisfactionStars value={f.satisfaction} />),
    row('closedDate', f.closedDate),
    row('createdAt', formatDateTime(f.createdAt)),
    row('updatedAt', formatDateTime(f.updatedAt)),
  ];
}
