import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Customer, CustomerRelated } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { useChannelQuery } from '../../lib/queries';
import { CustomerTimelineTab } from '../activities/CustomerTimelineTab';
import { CustomerContactsTab } from '../contacts/CustomerContactsTab';
import { CustomerExpensesTab } from '../expenses/CustomerExpensesTab';
import { CustomerFeedbackTab } from '../feedback/CustomerFeedbackTab';
import { CustomerOpportunitiesTab } from '../opportunities/CustomerOpportunitiesTab';
import { CustomerSalesTab } from '../sales/CustomerSalesTab';
import { customerFieldRows } from './customerFieldRows';
import { useDeleteCustomersFlow } from './useDeleteCustomersFlow';
import { RecordActions } from '../../components/RecordActions';

interface TabSpec {
  key: string;
  count?: keyof CustomerRelated;
  Component: ComponentType<{ customer: Customer }>;
}

function BasicTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const custom = useCustomFieldRows('customers', customer.custom);
  const rows = withCustomRows(customerFieldRows(customer, t, lookup), custom);
  return <FieldGrid rows={rows.filter((r) => r.name !== 'notes')} />;
}

function NotesTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Text
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      c={customer.notes ? undefined : 'dimmed'}
    >
      {customer.notes || t('customers.noNotes')}
    </Text>
  );
}

/** 客户信息选项卡, in the lab guide's order. */
const tabs: TabSpec[] = [
  { key: 'basic', Component: BasicTab },
  { key: 'contacts', count: 'contacts', Component: CustomerContactsTab },
  {
    key: 'opportunities',
    count: 'opportunities',
    Component: CustomerOpportunitiesTab,
  },
  { key: 'sales', count: 'sales', Component: CustomerSalesTab },
  { key: 'feedback', count: 'feedback', Component: CustomerFeedbackTab },
  { key: 'expenses', count: 'expenses', Component: CustomerExpensesTab },
  { key: 'activities', count: 'activities', Component: CustomerTimelineTab },
  { key: 'notes', Component: NotesTab },
];

/** One customer: header, actions, and the 客户信息选项卡 with a count on each. */
export function CustomerShow({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const confirmDelete = useDeleteCustomersFlow();
  const related = useChannelQuery('customers.related', { ids: [customer.id] });
  const tab = tabs.find((x) => x.key === params.get('tab')) ?? tabs[0]!;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/customers"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('customers.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{customer.name}</Title>
            <Badge variant="light">{customer.code}</Badge>
            {customer.levelId && <Badge color="grape">{lookup.name(customer.levelId)}</Badge>}
            {customer.stageId && <Badge color="teal">{lookup.name(customer.stageId)}</Badge>}
          </Group>
        </Stack>
        <RecordActions
          ns="customers"
          path={`/customers/${customer.id}`}
          onDelete={() => confirmDelete([customer], () => void navigate('/customers'))}
        />
      </Group>

      <Tabs
        value={tab.key}
        onChange={(v) => setParams(v && v !== tabs[0]!.key ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('customers.tabs')}>
          {tabs.map(({ key, count }) => (
            <Tabs.Tab
              key={key}
              value={key}
              rightSection={
                count && related.data ? (
                  <Badge size="sm" variant="light" circle={related.data[count] < 10}>
                    {related.data[count]}
                  </Badge>
                ) : undefined
              }
            >
              {t(`customers.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab.key} pt="md">
          <tab.Component customer={customer} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
