import {
  Alert,
  Button,
  Group,
  List,
  Menu,
  Pagination,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportProblem, RejectedRow } from '../../../src-main/contract';
import { notifyError } from '../../lib/errors';
import type { ExportFormat } from '../../lib/export';
import { problemText, saveRejected } from './words';

const PAGE = 20;

/** 新建 / 更新已有 / 跳过的重复 / 有问题, as four figures. */
export function CountCards({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'new', value: counts.new, color: 'green' },
    { key: 'update', value: counts.update, color: 'blue' },
    { key: 'duplicate', value: counts.duplicate, color: 'gray' },
    { key: 'rejected', value: counts.rejected, color: counts.rejected > 0 ? 'red' : 'gray' },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {cards.map((c) => (
        <Paper key={c.key} withBorder radius="sm" p="sm" data-testid={`import-count-${c.key}`}>
          <Text size="sm" c="dimmed">
            {t(`import.check.${c.key}`)}
          </Text>
          <Text size="xl" fw={700} c={c.value > 0 ? `${c.color}.8` : undefined}>
            {c.value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Every problem with its row, column, value and reason, a page at a time. */
export function ProblemTable({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.ceil(problems.length / PAGE);
  const shown = problems.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.check.problems')}
      </Title>
      <Paper withBorder radius="sm">
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('import.check.problemsLabel')} striped verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('import.check.row')}</Table.Th>
                <Table.Th>{t('import.check.column')}</Table.Th>
                <Table.Th>{t('import.check.value')}</Table.Th>
                <Table.Th>{t('import.check.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p, i) => (
                <Table.Tr key={`${p.row}-${p.field}-${i}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.column}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {p.value === '' ? (
                      <Text span size="sm" c="dimmed">
                        {t('import.check.empty')}
                      </Text>
                    ) : (
                      p.value
                    )}
                  </Table.Td>
                  <Table.Td>{problemText(t, p)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
      {total > problems.length && (
        <Text size="sm" c="dimmed">
          {t('import.check.problemsMore', { count: total, shown: problems.length })}
        </Text>
      )}
    </Stack>
  );
}

/** 下载未导入的行: the rows not imported, as CSV or Excel, with 错误原因. */
export function RejectedDownload(props: {
  result: { headers: string[]; rejected: RejectedRow[]; problems: ImportProblem[] };
  fileName: string;
}) {
  const { t } = useTranslation();
  const save = (format: ExportFormat) =>
    void saveRejected(t, format, props.result, props.fileName).catch((err: unknown) => notifyError(t, err));
  return (
    <Group gap="sm">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />}>
            {t('import.check.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => save('csv')}>
            {t('import.check.downloadCsv')}
          </Menu.Item>
          <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => save('xlsx')}>
            {t('import.check.downloadXlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Text size="sm" c="dimmed">
        {t('import.check.downloadHint')}
      </Text>
    </Group>
  );
}

type Likely = { row: number; matches: { id?: number; row?: number; name: string; reason: string }[] }[];

/** Rows that look like a record or another row without being the same: listed, never merged. */
function LikelyList({ likely }: { likely: Likely }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.check.likely')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('import.check.likelyHint')}
      </Text>
      <List size="sm" spacing={4} aria-label={t('import.check.likelyLabel')}>
        {likely.map((l) => (
          <List.Item key={l.row}>
            {t('import.check.likelyRow', {
              row: l.row,
              matches: l.matches
                .map(
                  (m) =>
                    (m.row !== undefined
                      ? t('import.check.likelyFileRow', { row: m.row, name: m.name })
                      : t('import.check.likelyRecord', { name: m.name })) +
                    t('import.check.likelyReason', {
                      reason: t(`import.check.likelyReasons.${m.reason}`, { defaultValue: m.reason }),
                    }),
                )
                .join(t('import.check.likelySeparator')),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** 检查: the dry run's counts, problems, likely duplicates and the rows it would leave out. */
export function CheckStep(props: {
  result: {
    counts: ImportCounts;
    problems: ImportProblem[];
    problemCount: number;
    likely: Likely;
    headers: string[];
    rejected: RejectedRow[];
  };
  fileName: string;
}) {
  const { t } = useTranslation();
  const { result } = props;
  const importable = result.counts.new + result.counts.update;
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('import.check.counts')}
      </Title>
      <CountCards counts={result.counts} />
      {importable === 0 && (
        <Alert color="orange" variant="light">
          {t('import.check.nothing')}
        </Alert>
      )}
      {result.problemCount === 0 ? (
        <Group gap={6}>
          <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
          <Text size="sm">{t('import.check.allGood')}</Text>
        </Group>
      ) : (
        <>
          <ProblemTable problems={result.problems} total={result.problemCount} />
          <RejectedDownload result={result} fileName={props.fileName} />
        </>
      )}
      {result.likely.length > 0 && <LikelyList likely={result.likely} />}
    </Stack>
  );
}
