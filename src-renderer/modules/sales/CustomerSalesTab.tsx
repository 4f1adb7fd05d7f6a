import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { call } from '../../api';
import { CustomerRecordsTab } from '../../components/CustomerRecordsTab';
import { formatMoney } from '../../lib/money';
import { SaleStatusBadge } from './status';

/** Totals add up at most this many of the customer's latest sales (50 pages of 200). */
const TOTALS_PAGES = 50;

/**
 * A customer's sales totals, cancelled sales left out: every page of sales.list for the customer
 * (one customer's sales are read straight off sales_customer), added up here. Keyed under
 * sales.list, so any write refreshes it like every other read.
 */
function useCustomerSaleTotals(customerId: number) {
  return useQuery({
    queryKey: ['sales.list', { customerId, totals: true }],
    queryFn: async () => {
      const totals = { amount: 0, received: 0, counted: 0, total: 0 };
      for (let page = 1; page <= TOTALS_PAGES; page++) {
        const res = await call('sales.list', { customerId, page, pageSize: 200 });
        totals.total = res.total;
        for (const r of res.rows) {
          totals.counted++;
          if (r.status === 'cancelled') continue;
          totals.amount += r.amount;
          totals.received += r.amountReceived;
        }
        if (page * 200 >= res.total) break;
      }
      return totals;
    },
  });
}

/** The 销售 tab of a customer: its sales, their totals, and 新建销售 for this customer. */
export function CustomerSalesTab({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const totals = useCustomerSaleTotals(customer.id);
  const field = (f: string) => t(`sales.fields.${f}`);
  const money = (cents: number) => formatMoney(cents, i18n.language);

  return (
    <CustomerRecordsTab
      channel="sales.list"
      customerId={customer.id}
      defaultSort={{ columnAccessor: 'saleDate', direction: 'desc' }}
      label={t('sales.list')}
      emptyText={t('sales.empty')}
      summary={(total) => (
        <Stack gap={2}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('sales.total', { count: total })}
          </Text>
          {totals.data && totals.data.total > 0 && (
            <Text size="sm" fw={500}>
              {t('sales.totals', {
                amount: money(totals.data.amount),
                received: money(totals.data.received),
                outstanding: money(totals.data.amount - totals.data.received),
              })}
              {totals.data.counted < totals.data.total &&
                t('sales.totalsTruncated', { count: totals.data.counted })}
            </Text>
          )}
        </Stack>
      )}
      addButton={
        <Button
          component={Link}
          to={`/sales/new?customerId=${customer.id}`}
          leftSection={<IconPlus size={16} />}
        >
          {t('sales.add')}
        </Button>
      }
      columns={[
        {
          accessor: 'code',
          title: field('code'),
          sortable: true,
          render: (r) => (
            <Anchor component={Link} to={`/sales/${r.id}`} size="sm">
              {r.code}
            </Anchor>
          ),
        },
        { accessor: 'saleDate', title: field('saleDate'), sortable: true },
        {
          accessor: 'amount',
          title: field('amount'),
          sortable: true,
          textAlign: 'right',
          render: (r) => money(r.amount),
        },
        {
          accessor: 'status',
          title: field('status'),
          sortable: true,
          render: (r) => <SaleStatusBadge status={r.status} />,
        },
      ]}
    />
  );
}
