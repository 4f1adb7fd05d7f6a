import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedChannel } from '../../src-main/contract';
import { localToday } from '../../src-main/contract/dates';
import { notifyError } from '../lib/errors';
import {
  columnsForExport,
  exportTable,
  type ExportColumn,
  type ExportFormat,
  type ExportValues,
} from '../lib/export';
import { useJobRunner } from '../lib/jobs';

/**
 * 导出: the table behind a screen as CSV or Excel. `load` gathers the rows and columns when the
 * user asks (a list reads every page of its current filter), so nothing is fetched before; it
 * gives null when the user cancelled that, and nothing is saved.
 */
export function ExportMenu<Row>(props: {
  /** The file's name without extension, e.g. 客户 2026-11-22. */
  fileName: string;
  load: () => Promise<{ columns: ExportColumn<Row>[]; rows: Row[] } | null>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const loaded = await props.load();
      if (!loaded) return;
      const { columns, rows } = loaded;
      await exportTable(format, columns, rows, props.fileName);
      notifications.show({ color: 'green', message: t('export.done', { count: rows.length }) });
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
        <Menu.Item leftSection={<IconFileText size={16} />} onClick={() => void run('csv')}>
          {t('export.csv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void run('xlsx')}>
          {t('export.xlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/**
 * 导出 for a record list: every page of its current filter and sort (`input`), gathered by a
 * job (progress and 取消 in a notice), with the columns the table shows, to a file named after
 * the list and today, e.g. 客户管理 2026-11-22.xlsx. `rows` turns the channel's rows into the table's;
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
    />
  );
}
