import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import { Link } from 'react-router';
import type { FeedbackRow } from '../../../src-main/contract';
import type { useBaseLookup } from '../../lib/base-data';
import { FeedbackStatusBadge, PriorityBadge, SatisfactionStars } from './meta';

/**
 * The columns of a 服务反馈 list: 浏览服务反馈 and a customer's 服务反馈 tab (without the
 * customer). Sortable columns are named after the list's sort columns.
 */
export function feedbackColumns(
  t: TFunction,
  lookup: ReturnType<typeof useBaseLookup>,
  { withCustomer = true } = {},
): DataTableColumn<FeedbackRow>[] {
  const field = (f: string) => t(`feedback.fields.${f}`);
  return [
    {
      accessor: 'code',
      title: field('code'),
      sortable: true,
      width: 100,
      render: (r) => (
        <Anchor component={Link} to={`/feedback/${r.id}`} size="sm">
          {r.code}
        </Anchor>
      ),
    },
    { accessor: 'receivedDate', title: field('receivedDate'), sortable: true, width: 110 },
    ...(withCustomer
      ? [
          {
            accessor: 'customer',
            title: field('customerId'),
            sortable: true,
            render: (r: FeedbackRow) => (
              <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm" c="inherit">
                {r.customerName}
              </Anchor>
            ),
          },
        ]
      : []),
    {
      accessor: 'type',
      title: field('typeId'),
      sortable: true,
      width: 90,
      render: (r) => lookup.name(r.typeId),
    },
    {
      accessor: 'subject',
      title: field('subject'),
      render: (r) => (
        <Anchor component={Link} to={`/feedback/${r.id}`} size="sm">
          {r.subject}
        </Anchor>
      ),
    },
    {
      accessor: 'priority',
      title: field('priority'),
      sortable: true,
      width: 90,
      render: (r) => <PriorityBadge priority={r.priority} />,
    },
    {
      accessor: 'status',
      title: field('status'),
      sortable: true,
      width: 90,
      render: (r) => <FeedbackStatusBadge status={r.status} />,
    },
    {
      accessor: 'satisfaction',
      title: field('satisfaction'),
      width: 110,
      render: (r) => <SatisfactionStars value={r.satisfaction} size="xs" withText={false} />,
    },
  ];
}
