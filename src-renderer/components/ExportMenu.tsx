import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind, PagedChannel } from '../../src-main/contract';
import { localToday } from '../../src-main/contract/dates';
import { notifyError } from '../lib/errors';
import {
  columnsForExport,
  exportTable,
  saveFile,
  type ExportColumn,
  type ExportFormat,
  type ExportValues,
} from '../lib/export';
import { useJobRunner } from '../lib/jobs';

const FORMATS: readonly ExportFormat[] = ['csv', 'csv-gbk', 'xlsx'];
/** A format's words in `export.*`. */
const formatKey: Record<ExportFormat, string> = { csv: 'csv', 'csv-gbk': 'csvGbk', xlsx: 'xlsx' };
const formatIcon = (format: ExportFormat) =>
  format === 'xlsx' ? <IconFileSpreadsheet size={16} /> : <IconFileText size={16} />;

/**
 * 导出: the table behind a screen as CSV or Excel. `load` gathers the rows and columns when the
 * user asks (a list reads every page of its current filter), so nothing is fetched before; it
 * gives null when the user cancelled that, and nothing is saved.
 */
export function ExportMenu<Row>(props: {
  /** The file's name without extension, e.g. 客户 2026-11-22. */
  fileName: string;
  load: () => Promise<{ columns: ExportColumn<Row>[]; rows: Row[] } | null>;
  /** 全部字段: every field as 导入 reads it back; no such items without it. */
  loadAllFields?: () => Promise<{ columns: ExportColumn<string[]>[]; rows: string[][] } | null>;
  /** Contacts: the list as a vCard file (.vcf) for phones and mail programs. */
  loadVcard?: () => Promise<{ text: string; count: number } | null>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const run = async <R,>(
    format: ExportFormat,
    load: () => Promise<{ columns: ExportColumn<R>[]; rows: R[] } | null>,
    fileName = props.fileName,
  ) => {
    setBusy(true);
    try {
      const loaded = await load();
      if (!loaded) return;
      const { columns, rows } = loaded;
      await exportTable(format, columns, rows, fileName);
      notifications.show({ color: 'green', message: t('export.done', { count: rows.length }) });
    } catch (err) {
      notifyError(t, err);
    } finally {
      setBusy(false);
    }
  };

  const saveVcard = async (load: () => Promise<{ text: string; count: number } | null>) => {
    setBusy(true);
    try {
      const cards = await load();
      if (!cards) return;
      saveFile(cards.text, `${props.fileName}.vcf`, 'text/vcard;charset=utf-8');
      notifications.show({ color: 'green', message: t('export.done', { count: cards.count }) });
    } catch (err) {
      notifyError(t, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy}>
          {t('export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {props.loadAllFields && <Menu.Label>{t('export.shown')}</Menu.Label>}
        {FORMATS.map((format) => (
          <Menu.Item
            key={format}
            leftSection={formatIcon(format)}
            onClick={() => void run(format, props.load)}
          >
            {t(`export.${formatKey[format]}`)}
          </Menu.Item>
        ))}
        {props.loadAllFields && (
          <>
            <Menu.Divider />
            <Menu.Label>{t('export.allFields')}</Menu.Label>
            {FORMATS.map((format) => (
              <Menu.Item
                key={format}
                leftSection={formatIcon(format)}
                onClick={() =>
                  void run(format, props.loadAllFields!, `${props.fileName} ${t('export.allFieldsFile')}`)
                }
              >
                {t(`export.allFields_${formatKey[format]}`)}
              </Menu.Item>
            ))}
          </>
        )}
        {props.loadVcard && (
          <>
            <Menu.Divider />
            <Menu.Item
              leftSection={<IconAddressBook size={16} />}
              onClick={() => void saveVcard(props.loadVcard!)}
            >
              {t('export.vcard')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * 导出 for a record list: every page of its current filter and sort (`input`), gathered by a
 * job (progress and 取消 in a notice), with the columns the table shows, to a file named after
 * the list and today, e.g. 客户管理 2026-11-22.xlsx; or (全部字段) every field of the records, as 导入
 * reads them back. `rows` turns the channel's rows into the table's;
 * `exportValues` gives a column's cells where its text on screen would not do (a status badge,
 * money). The headings are the columns' titles, the field labels an import maps back.
 */
export function ListExport<Row>(props: {
  title: string;
  columns: DataTableColumn<Row>[];
  channel: PagedChannel;
  input: object;
  rows?: (rows: unknown[]) => Row[];
  exportValues?: ExportValues<Row>;
  /** The list's record kind: 全部字段 exports its records with every field, for 导入. */
  recordKind?: ImportKind;
}) {
  const { t } = useTranslation();
  const runJob = useJobRunner();
  return (
    <ExportMenu<Row>
      fileName={`${props.title} ${localToday()}`}
      load={async () => {
        const gathered = await runJob(
          { kind: 'export.pages', channel: props.channel, input: props.input as Record<string, unknown> },
          { title: t('export.gathering', { title: props.title }) },
        );
        if (!gathered) return null;
        return {
          columns: columnsForExport(props.columns, props.exportValues),
          rows: props.rows ? props.rows(gathered.rows) : (gathered.rows as Row[]),
        };
      }}
      loadAllFields={
        props.recordKind &&
        (async () => {
          const table = await runJob(
            {
              kind: 'export.records',
              recordKind: props.recordKind!,
              input: props.input as Record<string, unknown>,
            },
            { title: t('export.gathering', { title: props.title }) },
          );
          if (!table) return null;
          return {
            columns: table.headers.map((title, i) => ({ title, value: (row: string[]) => row[i] })),
            rows: table.rows,
          };
        })
      }
      loadVcard={
        props.recordKind === 'contacts'
          ? () =>
              runJob(
                { kind: 'export.vcard', input: props.input as Record<string, unknown> },
                { title: t('export.gathering', { title: props.title }) },
              )
          : undefined
      }
    />
  );
}
