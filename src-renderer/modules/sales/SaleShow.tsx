import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Sale } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { LinesTable } from '../../components/LinesEditor';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { formatMoney } from '../../lib/money';
import { saleFieldRows } from './saleFieldRows';
import { SaleStatusBadge } from './status';
import { useDeleteSalesFlow } from './useDeleteSalesFlow';
import { RecordActions } from '../../components/RecordActions';

const tabs = ['basic', 'lines'] as const;

/** One sale: header, 修改 / 删除 / 销售字段详情表, and tabs 基本信息 and 销售明细 (销售明细察看). */
export function SaleShow({ sale }: { sale: Sale }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const confirmDelete = useDeleteSalesFlow();
  const custom = useCustomFieldRows('sales', sale.custom);
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'basic';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/sales"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('sales.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{sale.code}</Title>
            <SaleStatusBadge status={sale.status} />
            <Badge variant="outline">{formatMoney(sale.amount, i18n.language)}</Badge>
          </Group>
          <Group gap="md">
            <Anchor component={Link} to={`/customers/${sale.customerId}?tab=sales`}>
              {sale.customerName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {sale.saleDate}
            </Text>
            {sale.opportunityId != null && sale.opportunityCode && (
              <Anchor component={Link} to={`/opportunities/${sale.opportunityId}`} size="sm">
                {t('sales.fromOpportunity', { code: sale.opportunityCode })}
              </Anchor>
            )}
          </Group>
        </Stack>
        <RecordActions
          ns="sales"
          path={`/sales/${sale.id}`}
          onDelete={() => confirmDelete([sale], () => void navigate('/sales'))}
        />
      </Group>

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'basic' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('sales.tabs')}>
          <Tabs.Tab value="basic">{t('sales.basic')}</Tabs.Tab>
          <Tabs.Tab
            value="lines"
            rightSection={
              <Badge size="sm" variant="light" circle={sale.lines.length < 10}>
                {sale.lines.length}
              </Badge>
            }
          >
            {t('sales.lines')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <FieldGrid rows={withCustomRows(saleFieldRows(sale, t, lookup, i18n.language, true), custom)} />
        </Tabs.Panel>
        <Tabs.Panel value="lines" pt="md">
          <Title order={4} mb="xs">
            {t('sales.linesView')}
          </Title>
          {sale.lines.length ? (
            <LinesTable lines={sale.lines} />
          ) : (
            <Text c="dimmed">{t('sales.noLines')}</Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
