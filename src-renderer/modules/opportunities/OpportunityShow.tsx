import { Alert, Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowLeft,
  IconEdit,
  IconFlag,
  IconTable,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Opportunity } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { LinesTable } from '../../components/LinesEditor';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { notifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useChannelMutation, useChannelQuery } from '../../lib/queries';
import { OpportunityExpensesTab } from '../expenses/OpportunityExpensesTab';
import { CloseOpportunityDialog } from './CloseOpportunityDialog';
import { opportunityFieldRows } from './opportunityFieldRows';
import { StatusBadge } from './stages';
import { useDeleteOpportunitiesFlow } from './useDeleteOpportunitiesFlow';

const tabs = ['basic', 'lines', 'history', 'expenses'] as const;

/** The code of the sale a won opportunity became, once it is loaded. */
export function useSaleCode(saleId: number | null): string | null {
  const sale = useChannelQuery('sales.get', { id: saleId ?? 1 }, { enabled: saleId != null });
  return saleId != null ? (sale.data?.code ?? null) : null;
}

/** 阶段历史: every stage change, oldest first. */
function StageHistoryTable({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  if (opportunity.history.length === 0) return <Text c="dimmed">{t('opportunities.history.empty')}</Text>;
  return (
    <Table withTableBorder striped aria-label={t('opportunities.history.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('opportunities.history.from')}</Table.Th>
          <Table.Th>{t('opportunities.history.to')}</Table.Th>
          <Table.Th>{t('opportunities.history.changedAt')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {opportunity.history.map((h) => (
          <Table.Tr key={h.id}>
            <Table.Td c={h.fromStageId == null ? 'dimmed' : undefined}>
              {h.fromStageId == null ? t('opportunities.history.created') : lookup.name(h.fromStageId)}
            </Table.Td>
            <Table.Td>{lookup.name(h.toStageId)}</Table.Td>
            <Table.Td>{formatDateTime(h.changedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * One opportunity: header, actions and tabs (基本信息, 机会明细, 阶段历史). An open one can be
 * edited and closed (结束机会); a closed one is read-only, and a lost one can be reopened.
 */
export function OpportunityShow({ opportunity: o }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [closing, setClosing] = useState(false);
  const confirmDelete = useDeleteOpportunitiesFlow();
  const custom = useCustomFieldRows('opportunities', o.custom);
  const reopen = useChannelMutation('opportunities.reopen');
  const saleCode = useSaleCode(o.saleId);
  const tab = tabs.find((x) => x === params.get('tab')) ?? 'basic';
  const isOpen = o.status === 'open';

  const askReopen = () =>
    modals.openConfirmModal({
      title: t('opportunities.reopenTitle'),
      children: <Text size="sm">{t('opportunities.reopenConfirm', { title: o.title })}</Text>,
      labels: { confirm: t('opportunities.reopen'), cancel: t('actions.cancel') },
      onConfirm: () =>
        reopen.mutate(
          { id: o.id, version: o.version },
          {
            onSuccess: () => notifications.show({ color: 'green', message: t('opportunities.reopened') }),
            onError: (err) => notifyError(t, err),
          },
        ),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/opportunities"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('opportunities.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{o.title}</Title>
            <Badge variant="light">{o.code}</Badge>
            <StatusBadge status={o.status} />
            {/* A closed opportunity's stage is 赢单/输单, which the status badge already says. */}
            {o.status === 'open' && (
              <Badge color="teal" variant="outline">
                {lookup.name(o.stageId)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/customers/${o.customerId}`} size="sm">
              {o.customerName}
            </Anchor>
          </Text>
        </Stack>
        <Group>
          <Button
            component={Link}
            to={`/opportunities/${o.id}/fields`}
            variant="default"
            leftSection={<IconTable size={16} />}
          >
            {t('opportunities.fieldTable')}
          </Button>
          {isOpen && (
            <>
              <Button
                component={Link}
                to={`/opportunities/${o.id}/edit`}
                leftSection={<IconEdit size={16} />}
              >
                {t('opportunities.edit')}
              </Button>
              <Button color="green" leftSection={<IconFlag size={16} />} onClick={() => setClosing(true)}>
                {t('opportunities.close.action')}
              </Button>
            </>
          )}
          {o.status === 'lost' && (
            <Button
              variant="light"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={askReopen}
              loading={reopen.isPending}
            >
              {t('opportunities.reopen')}
            </Button>
          )}
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete([o], () => void navigate('/opportunities'))}
          >
            {t('opportunities.delete')}
          </Button>
        </Group>
      </Group>

      {o.status === 'won' && (
        <Alert color="green" title={t('opportunities.saleCreated')}>
          <Text size="sm">{t('opportunities.readOnlyWon')}</Text>
          {o.saleId != null && (
            <Anchor component={Link} to={`/sales/${o.saleId}`} size="sm">
              {t('opportunities.viewSale', { code: saleCode ?? '' })}
            </Anchor>
          )}
        </Alert>
      )}
      {o.status === 'lost' && (
        <Alert color="gray" title={`${t('opportunities.fields.lostReason')}：${o.lostReason ?? ''}`}>
          {t('opportunities.readOnlyLost')}
        </Alert>
      )}

      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'basic' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('opportunities.tab.label')}>
          <Tabs.Tab value="basic">{t('opportunities.tab.basic')}</Tabs.Tab>
          <Tabs.Tab
            value="lines"
            rightSection={
              <Badge size="sm" variant="light" circle={o.lines.length < 10}>
                {o.lines.length}
              </Badge>
            }
          >
            {t('opportunities.tab.lines')}
          </Tabs.Tab>
          <Tabs.Tab value="history">{t('opportunities.tab.history')}</Tabs.Tab>
          <Tabs.Tab value="expenses">{t('expenses.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <FieldGrid
            rows={withCustomRows(opportunityFieldRows(o, t, i18n.language, lookup, saleCode), custom).filter(
              (r) => r.name !== 'lines',
            )}
          />
        </Tabs.Panel>
        <Tabs.Panel value="lines" pt="md">
          <Stack gap="xs">
            <Title order={4}>{t('opportunities.linesView')}</Title>
            {o.lines.length ? (
              <LinesTable lines={o.lines} />
            ) : (
              <Text c="dimmed">{t('opportunities.noLines')}</Text>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <StageHistoryTable opportunity={o} />
        </Tabs.Panel>
        <Tabs.Panel value="expenses" pt="md">
          <OpportunityExpensesTab opportunity={o} />
        </Tabs.Panel>
      </Tabs>

      {isOpen && (
        <CloseOpportunityDialog
          key={o.version}
          opportunity={o}
          opened={closing}
          onClose={() => setClosing(false)}
        />
      )}
    </Stack>
  );
}
