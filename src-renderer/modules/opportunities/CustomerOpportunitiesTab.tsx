import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer, OpportunityRow } from '../../../src-main/contract';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { formatMoney } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { StatusBadge } from './stages';

const PAGE_SIZE = 20;

/** The customer's 机会 tab: their opportunities, newest first, and 增加机会 for this customer. */
export function CustomerOpportunitiesTab({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const [page, setPage] = useState(1);
  const query = useChannelQuery('opportunities.list', {
    customerId: customer.id,
    sort: { column: 'updatedAt', direction: 'desc' },
    page,
    pageSize: PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('opportunities.total', { count: total })}
        </Text>
        <Button
          component={Link}
          to={`/opportunities/new?customerId=${customer.id}`}
          leftSection={<IconPlus size={16} />}
          size="sm"
        >
          {t('opportunities.add')}
        </Button>
      </Group>
      <RecordTable<OpportunityRow>
        label={t('opportunities.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        loading={query.isFetching && !query.data}
        emptyText={t('opportunities.empty')}
        columns={[
          { accessor: 'code', title: t('opportunities.fields.code'), width: 100 },
          {
            accessor: 'title',
            title: t('opportunities.fields.title'),
            render: (r) => (
              <Anchor component={Link} to={`/opportunities/${r.id}`} size="sm">
                {r.title}
              </Anchor>
            ),
          },
          {
            accessor: 'stageId',
            title: t('opportunities.fields.stageId'),
            render: (r) => lookup.name(r.stageId),
          },
          {
            accessor: 'probability',
            title: t('opportunities.fields.probability'),
            textAlign: 'right',
            render: (r) => `${r.probability}%`,
          },
          {
            accessor: 'expectedAmount',
            title: t('opportunities.fields.expectedAmount'),
            textAlign: 'right',
            render: (r) => formatMoney(r.expectedAmount, i18n.language),
          },
          { accessor: 'expectedCloseDate', title: t('opportunities.fields.expectedCloseDate') },
          {
            accessor: 'status',
            title: t('opportunities.fields.status'),
            render: (r) => <StatusBadge status={r.status} />,
          },
        ]}
      />
    </Stack>
  );
}
