import { Badge, Button, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconTable, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { useBaseLookup } from '../../lib/base-data';
import { customerFieldRows } from './customerFieldRows';
import { useDeleteCustomersFlow } from './useDeleteCustomersFlow';

const tabs = ['basic', 'notes'] as const;

/** One customer: header, actions, and the 客户信息选项卡. */
export function CustomerShow({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const confirmDelete = useDeleteCustomersFlow();
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'basic';
  const rows = customerFieldRows(customer, t, lookup).filter((r) => r.name !== 'notes' && r.name !== 'name');

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
        <Group>
          <Button
            component={Link}
            to={`/customers/${customer.id}/fields`}
            variant="default"
            leftSection={<IconTable size={16} />}
          >
            {t('customers.fieldTable')}
          </Button>
          <Button component={Link} to={`/customers/${customer.id}/edit`} leftSection={<IconEdit size={16} />}>
            {t('customers.edit')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete([customer], () => void navigate('/customers'))}
          >
            {t('customers.delete')}
          </Button>
        </Group>
      </Group>

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'basic' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('customers.tabs')}>
          {tabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`customers.tab.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="sm">
            {rows.map((r) => (
              <div key={r.name}>
                <Text size="xs" c="dimmed">
                  {r.label}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {r.value || t('common.none')}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="notes" pt="md">
          <Text
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            c={customer.notes ? undefined : 'dimmed'}
          >
            {customer.notes || t('customers.noNotes')}
          </Text>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
