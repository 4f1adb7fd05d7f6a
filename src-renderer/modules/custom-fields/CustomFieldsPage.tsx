import {
  ActionIcon,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { customFieldEntities, type CustomField, type CustomFieldEntity } from '../../../src-main/contract';
import { MoveButtons } from '../../components/MoveButtons';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { useCustomFields } from '../../lib/custom-fields';
import { CustomFieldDialog } from './CustomFieldDialog';
import { useDeleteCustomFieldFlow } from './useDeleteCustomFieldFlow';

const isEntity = (v: string | undefined): v is CustomFieldEntity =>
  (customFieldEntities as readonly string[]).includes(v ?? '');

/** 自定义字段: choose the record kind, then add, edit, reorder, switch off or delete its fields. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const param = useParams().entity;
  const entity: CustomFieldEntity = isEntity(param) ? param : customFieldEntities[0];

  return (
    <Stack gap="sm">
      <Title order={2}>{t('customFields.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('customFields.intro')}
      </Text>
      <SegmentedControl
        aria-label={t('customFields.entity')}
        value={entity}
        onChange={(v) => void navigate(`/custom-fields/${v}`)}
        data={customFieldEntities.map((e) => ({ value: e, label: t(`customFields.entities.${e}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <FieldList key={entity} entity={entity} />
    </Stack>
  );
}

/** One record kind's fields in their order, with 增加字段, 修改, 删除, 启用 and 上移/下移. */
function FieldList({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity, { includeInactive: true });
  const update = useChannelMutation('customFields.update');
  const reorder = useChannelMutation('customFields.reorder');
  const startDelete = useDeleteCustomFieldFlow();
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const entityName = t(`customFields.entities.${entity}`);
  const title = t('customFields.listTitle', { entity: entityName });
  const yes = (on: boolean) => (on ? <IconCheck size={16} aria-label={t('customFields.yes')} /> : null);

  const setActive = (f: CustomField, active: boolean) =>
    update.mutate({ id: f.id, version: f.version, active }, { onError: (err) => notifyError(t, err) });
  const move = (ids: number[]) => reorder.mutate({ entity, ids }, { onError: (err) => notifyError(t, err) });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('customFields.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('customFields.count', { count: fields.length })}
      </Text>

      <Table striped highlightOnHover withTableBorder aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('customFields.fields.sortOrder')}</Table.Th>
            <Table.Th>{t('customFields.fields.label')}</Table.Th>
            <Table.Th w={90}>{t('customFields.fields.type')}</Table.Th>
            <Table.Th>{t('customFields.fields.options')}</Table.Th>
            <Table.Th w={70}>{t('customFields.fields.required')}</Table.Th>
            <Table.Th w={110}>{t('customFields.fields.showInList')}</Table.Th>
            <Table.Th w={70}>{t('customFields.fields.active')}</Table.Th>
            <Table.Th w={150}>{t('customFields.fields.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f, index) => (
            <Table.Tr key={f.id}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>
                <Text size="sm" c={f.active ? undefined : 'dimmed'}>
                  {f.label}
                </Text>
              </Table.Td>
              <Table.Td>{t(`customFields.types.${f.type}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {f.options.map((o) => (
                    <Badge key={o} size="sm" variant="light" color="gray" tt="none">
                      {o}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{yes(f.required)}</Table.Td>
              <Table.Td>{yes(f.showInList)}</Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('customFields.activeOf', { label: f.label })}
                  checked={f.active}
                  onChange={(e) => setActive(f, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <MoveButtons
                    ids={fields.map((x) => x.id)}
                    index={index}
                    onMove={move}
                    upLabel={t('customFields.moveUp', { label: f.label })}
                    downLabel={t('customFields.moveDown', { label: f.label })}
                    disabled={reorder.isPending}
                  />
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('customFields.edit', { label: f.label })}
                    onClick={() => setEditing(f)}
                  >
                    <IconEdit size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('customFields.delete', { label: f.label })}
                    onClick={() => startDelete(f)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {fields.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text size="sm" c="dimmed">
                  {t('customFields.empty', { entity: entityName })}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed">
        {t('customFields.inactiveNote')}
      </Text>

      {editing !== null && (
        <CustomFieldDialog
          key={editing === 'new' ? 'new' : editing.id}
          entity={entity}
          field={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
