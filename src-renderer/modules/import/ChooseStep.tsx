import { Alert, Button, Code, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  importEncodings,
  importKinds,
  importSeparators,
  type ImportPreview,
} from '../../../src-main/contract';
import type { ImportSource } from './useImportFile';

export type RecordKind = (typeof importKinds)[number];
export type Encoding = (typeof importEncodings)[number];
export type Separator = (typeof importSeparators)[number];

/** How the file is read: unset means as detected. */
export interface ReadOptions {
  encoding?: Encoding;
  separator?: Separator;
  sheet?: string;
}

/** The first rows as the file has them, headers first. */
function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="sm">
      <Table.ScrollContainer minWidth={Math.min(1200, preview.headers.length * 140)} maxHeight={340}>
        <Table
          aria-label={t('import.file.previewLabel')}
          striped
          withColumnBorders
          verticalSpacing={4}
          stickyHeader
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('import.check.row')}</Table.Th>
              {preview.headers.map((h, i) => (
                <Table.Th key={i} style={{ whiteSpace: 'nowrap' }}>
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                <Table.Td c="dimmed">{preview.rowNumbers[r]}</Table.Td>
                {preview.headers.map((_, i) => (
                  <Table.Td key={i} style={{ whiteSpace: 'nowrap' }}>
                    {row[i]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * 选择文件: what the records are, the file, and how it is read (encoding and separator for text,
 * the sheet for a workbook), with its first rows as read; changing how it is read reads it again.
 */
export function ChooseStep(props: {
  recordKind: RecordKind;
  onRecordKind: (kind: RecordKind) => void;
  source: ImportSource | null;
  preview: ImportPreview | null;
  read: ReadOptions;
  onRead: (read: ReadOptions) => void;
  onChoose: () => void;
  choosing: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const { preview } = props;
  const encodingName = (e: Encoding) => t(`import.file.encodings.${e}`);
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md">
        <Select
          label={t('import.file.kind')}
          data={importKinds.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
          value={props.recordKind}
          onChange={(v) => v && props.onRecordKind(v as RecordKind)}
          allowDeselect={false}
          w={200}
        />
        <Button
          leftSection={<IconFileImport size={16} />}
          variant={props.source ? 'default' : 'filled'}
          onClick={props.onChoose}
          loading={props.choosing}
        >
          {props.source ? t('import.file.chooseAgain') : t('import.file.choose')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('import.file.hint')}
      </Text>
      {props.source && (
        <Group gap="xs" wrap="nowrap">
          <IconFileSpreadsheet size={18} aria-hidden />
          <Text fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="import-file-name">
            {t('import.file.chosen', { name: props.source.fileName })}
          </Text>
        </Group>
      )}
      {props.error && (
        <Alert color="red" variant="light" title={t('errors.title')}>
          {props.error}
        </Alert>
      )}
      {preview && (
        <>
          <Group gap="md" align="flex-end">
            {preview.kind === 'csv' && (
              <>
                <Select
                  label={t('import.file.encoding')}
                  data={importEncodings.map((e) => ({
                    value: e,
                    label:
                      e === preview.detectedEncoding
                        ? t('import.file.detected', { encoding: encodingName(e) })
                        : encodingName(e),
                  }))}
                  value={preview.encoding ?? null}
                  onChange={(v) => v && props.onRead({ ...props.read, encoding: v as Encoding })}
                  allowDeselect={false}
                  w={300}
                />
                <Select
                  label={t('import.file.separator')}
                  data={importSeparators.map((s) => ({ value: s, label: t(`import.file.separators.${s}`) }))}
                  value={preview.separator ?? null}
                  onChange={(v) => v && props.onRead({ ...props.read, separator: v as Separator })}
                  allowDeselect={false}
                  w={180}
                />
              </>
            )}
            {preview.kind === 'xlsx' && (preview.sheets?.length ?? 0) > 0 && (
              <Select
                label={t('import.file.sheet')}
                data={preview.sheets ?? []}
                value={preview.sheet ?? null}
                onChange={(v) => v && props.onRead({ ...props.read, sheet: v })}
                allowDeselect={false}
                w={240}
              />
            )}
          </Group>
          <Title order={3} size="h5">
            {t('import.file.preview')}
          </Title>
          <PreviewTable preview={preview} />
          <Text size="sm" c="dimmed">
            {t('import.file.more', { count: preview.rows.length })}
          </Text>
          {preview.decodedSample !== undefined && (
            <details>
              <summary>
                <Text span size="sm">
                  {t('import.file.decoded')}
                </Text>
              </summary>
              <Code block mt="xs" style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre' }}>
                {preview.decodedSample}
              </Code>
            </details>
          )}
        </>
      )}
    </Stack>
  );
}
