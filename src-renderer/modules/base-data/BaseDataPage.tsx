import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconTemplate, IconTrash, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { baseKinds, type BaseItem, type BaseKind } from '../../../src-main/contract';
import { ApiError } from '../../api';
import { MoveButtons } from '../../components/MoveButtons';
import { baseName } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { useChannelMutation, useChannelQuery } from '../../lib/queries';
import { useCurrentRepId } from '../../lib/settings';
import { ApplyTemplateDialog } from './ApplyTemplateDialog';
import { BaseItemDialog } from './BaseItemDialog';
import { isClosedStage } from './stages';
import { useDeleteBaseItemFlow } from './useDeleteBaseItemFlow';
import { useRebuildTotals } from './useRebuildTotals';

const isKind = (v: string | undefined): v is BaseKind => (baseKinds as readonly string[]).includes(v ?? '');

/** 基础数据: the eleven lists on the left, the chosen one's entries on the right. */
export function BaseDataPage() {
  const { t } = useTranslation();
  const param = useParams().kind;
  const kind: BaseKind = isKind(param) ? param : baseKinds[0];
  const [applying, setApplying] = useState(false);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('baseData.title')}</Title>
        <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setApplying(true)}>
          {t('baseData.templates.apply')}
        </Button>
      </Group>
      {applying && <ApplyTemplateDialog opened onClose={() => setApplying(false)} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <Paper withBorder p={4} component="nav" aria-label={t('baseData.lists')}>
            {baseKinds.map((k) => (
              <NavLink
                key={k}
                component={Link}
                to={`/base-data/${k}`}
                label={t(`baseData.kinds.${k}`)}
                active={k === kind}
                aria-current={k === kind ? 'page' : undefined}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          <BaseList key={kind} kind={kind} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One list: its entries in order, with 增加, 修改, 删除, 启用 and 上移/下移. */
function BaseList({ kind }: { kind: BaseKind }) {
  const { t, i18n } = useTranslation();
  const query = useChannelQuery('baseData.list', { kind });
  const items = query.data ?? [];
  const update = useChannelMutation('baseData.update');
  const reorder = useChannelMutation('baseData.reorder');
  const rebuildTotals = useRebuildTotals(kind);
  const deleteFlow = useDeleteBaseItemFlow(items, rebuildTotals);
  const [editing, setEditing] = useState<BaseItem | 'new' | null>(null);
  const isStage = kind === 'opportunity_stage';
  const isRep = kind === 'sales_rep';
  const currentRepId = useCurrentRepId();
  const setCurrent = useChannelMutation('settings.update');
  const list = t(`baseData.kinds.${kind}`);

  const makeCurrent = (item: BaseItem) =>
    setCurrent.mutate(
      { currentRepId: item.id },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: t('baseData.currentRepSet', { name: baseName(item, i18n.language) }),
          }),
        onError: (err) => notifyError(t, err),
      },
    );

  const move = (ids: number[]) =>
    reorder.mutate({ kind, ids }, { onSuccess: rebuildTotals, onError: (err) => notifyError(t, err) });

  const setActive = (item: BaseItem, active: boolean) =>
    update.mutate(
      { id: item.id, active },
      {
        onSuccess: rebuildTotals,
        onError: (err) => {
          if (err instanceof ApiError && err.data.code === 'VALIDATION' && err.data.field === 'active') {
            notifications.show({
              color: 'orange',
              title: t('errors.title'),
              message: t('baseData.cannotDeactivate'),
            });
          } else notifyError(t, err);
        },
      },
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {list}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('baseData.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('baseData.count', { count: items.length })}
      </Text>

      <Table striped highlightOnHover withTableBorder aria-label={list}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('baseData.fields.sortOrder')}</Table.Th>
            <Table.Th>{t('baseData.fields.nameZh')}</Table.Th>
            <Table.Th>{t('baseData.fields.nameEn')}</Table.Th>
            {isStage && <Table.Th ta="right">{t('baseData.fields.probability')}</Table.Th>}
            <Table.Th w={80}>{t('baseData.fields.active')}</Table.Th>
            <Table.Th w={isRep ? 200 : 170}>{t('baseData.fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item, index) => {
            const name = baseName(item, i18n.language);
            const closed = isClosedStage(item);
            return (
              <Table.Tr key={item.id}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" c={item.active ? undefined : 'dimmed'}>
                      {item.nameZh}
                    </Text>
                    {closed && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('baseData.closedBadge')}
                      </Badge>
                    )}
                    {isRep && item.id === currentRepId && (
                      <Badge size="sm" variant="light" color="blue">
                        {t('baseData.currentRep')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={item.active ? undefined : 'dimmed'}>
                    {item.nameEn}
                  </Text>
                </Table.Td>
                {isStage && (
                  <Table.Td ta="right">
                    {item.probability == null ? t('common.none') : `${item.probability}%`}
                  </Table.Td>
                )}
                <Table.Td>
                  <Switch
                    aria-label={t('baseData.activeOf', { name })}
                    checked={item.active}
                    disabled={closed}
                    onChange={(e) => setActive(item, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <MoveButtons
                      ids={items.map((i) => i.id)}
                      index={index}
                      onMove={move}
                      upLabel={t('baseData.moveUp', { name })}
                      downLabel={t('baseData.moveDown', { name })}
                      disabled={reorder.isPending}
                    />
                    {isRep && (
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('baseData.makeCurrentRep', { name })}
                        disabled={item.id === currentRepId || !item.active || setCurrent.isPending}
                        onClick={() => makeCurrent(item)}
                      >
                        <IconUserCheck size={16} />
                      </ActionIcon>
                    )}
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('baseData.edit', { name })}
                      onClick={() => setEditing(item)}
                    >
                      <IconEdit size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('baseData.delete', { name })}
                      disabled={closed}
                      onClick={() => deleteFlow.start(item)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {query.isSuccess && items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={isStage ? 6 : 5}>
                <Text size="sm" c="dimmed">
                  {t('baseData.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {isStage && (
        <Text size="sm" c="dimmed">
          {t('baseData.closedStagesNote')}
        </Text>
      )}
      {isRep && (
        <Text size="sm" c="dimmed">
          {t('baseData.currentRepNote')}
        </Text>
      )}

      {editing !== null && (
        <BaseItemDialog
          key={editing === 'new' ? 'new' : editing.id}
          kind={kind}
          item={editing === 'new' ? undefined : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {deleteFlow.dialog}
    </Stack>
  );
}
