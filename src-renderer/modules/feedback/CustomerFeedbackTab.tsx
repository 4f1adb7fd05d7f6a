import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { CustomerRecordsTab } from '../../components/CustomerRecordsTab';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { feedbackColumns } from './columns';

/** The 服务反馈 tab of a customer: its feedback, newest first, and 新建服务反馈 for this customer. */
export function CustomerFeedbackTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const open = useChannelQuery('feedback.list', { customerId: customer.id, status: 'open', pageSize: 1 });

  return (
    <CustomerRecordsTab
      channel="feedback.list"
      customerId={customer.id}
      defaultSort={{ columnAccessor: 'receivedDate', direction: 'desc' }}
      label={t('feedback.list')}
      emptyText={t('feedback.empty')}
      columns={feedbackColumns(t, lookup, { withCustomer: false })}
      summary={(total) => (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('feedback.total', { count: total })}
          {open.data && open.data.total > 0 && ` · ${t('feedback.openCount', { count: open.data.total })}`}
        </Text>
      )}
      addButton={
        <Button
          component={Link}
          to={`/feedback/new?customerId=${customer.id}`}
          leftSection={<IconPlus size={16} />}
        >
          {t('feedback.add')}
        </Button>
      }
    />
  );
}
