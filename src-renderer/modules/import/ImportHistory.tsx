import { Badge, Button, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntriesTable } from '../../components/EntriesTable';
import { Link } from 'react-router';
import type { ImportEntry } from '../../../src-main/contract';
import { call } from '../../api';
import { useJobRunner } from '../../lib/jobs';
import { timeText } from './words';

const kindText = (t: (key: string, o?: Record<string, unknown>) => string, kind: string) =>
  t(`import.kinds.${kind}`, { defaultValue: kind });

const countsOf = (e: ImportEntry) => ({
  new: e.counts.new ?? 0,
  update: e.counts.update ?? 0,
  duplicate: e.counts.duplicate ?? 0,
  rejected: e.counts.rejected ?? 0,
});

/** 导入记录: every import into the open file, newest first, each with 撤销导入 (two clicks). */
export function ImportHistory() {
  const { t } = useTranslation();
  const runJob = useJobRunner();
  const [asking, setAsking] = useState<ImportEntry | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);
  const query = useQuery({ queryKey: ['imports.list', {}], queryFn: () => call('imports.list', {}) });
  const imports = query.data ?? [];

  const undo = async (entry: ImportEntry) => {
    setAsking(null);
    setUndoing(entry.id);
    await runJob(
      { kind: 'import.undo', importId: entry.id },
      { title: t('import.done.undoing'), doneMessage: (r) => t('import.done.undone', { ...r }) },
    );
    setUndoing(null);
  };

  const rows = imports.map((e) => (
    <Table.Tr key={e.id}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeText(e.startedAt)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{kindText(t, e.kind)}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.fileName}</Table.Td>
      <Table.Td>{t('import.historyPage.countsText', countsOf(e))}</Table.Td>
      <Table.Td>
        {e.undoneAt ? (
          <Badge
            color="gray"
            variant="light"
            title={t('import.historyPage.undoneAt', { time: timeText(e.undoneAt) })}
          >
            {t('import.historyPage.undone')}
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            {t('import.historyPage.done')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!e.undoneAt && (
          <Button
            size="compact-sm"
            variant="light"
            color="orange"
            leftSection={<IconArrowBackUp size={16} />}
            aria-label={t('import.historyPage.undoLabel', { time: timeText(e.startedAt), file: e.fileName })}
            loading={undoing === e.id}
            disabled={undoing !== null}
            onClick={() => setAsking(e)}
          >
            {t('import.done.undo')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('import.history')}</Title>
        <Button component={Link} to="/import" leftSection={<IconFileImport size={16} />}>
          {t('import.historyPage.newImport')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('import.historyPage.intro')}
      </Text>
      <EntriesTable
        query={query}
        count={imports.length}
        empty={{
          icon: <IconHistory size={30} />,
          title: t('import.historyPage.emptyTitle'),
          text: t('import.historyPage.emptyText'),
        }}
        label={t('import.historyPage.table')}
        headers={(['time', 'kind', 'file', 'counts', 'state', 'actions'] as const).map((c) =>
          t(`import.historyPage.${c}`),
        )}
        rows={rows}
      />
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={t('import.historyPage.confirmTitle')}
        centered
      >
        {asking && (
          <Stack gap="sm">
            <Text size="sm">
              {t('import.historyPage.confirmLead', {
                time: timeText(asking.startedAt),
                file: asking.fileName,
                what: kindText(t, asking.kind),
              })}
            </Text>
            <List size="sm" spacing={4}>
              {countsOf(asking).new > 0 && (
                <List.Item>
                  {t('import.historyPage.confirmDelete', { count: countsOf(asking).new })}
                </List.Item>
              )}
              {(asking.counts.linkedCreated ?? 0) > 0 && (
                <List.Item>
                  {t('import.historyPage.confirmLinked', { count: asking.counts.linkedCreated })}
                </List.Item>
              )}
              {countsOf(asking).update > 0 && (
                <List.Item>
                  {t('import.historyPage.confirmRestore', { count: countsOf(asking).update })}
                </List.Item>
              )}
            </List>
            <Text size="sm" c="dimmed">
              {t('import.historyPage.confirmChanged')}
            </Text>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={() => setAsking(null)} data-autofocus>
                {t('actions.cancel')}
              </Button>
              <Button color="red" onClick={() => void undo(asking)}>
                {t('import.historyPage.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
