import { Anchor, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '../../../components/DateField';
import { ListExport } from '../../../components/ExportMenu';
import { RecordTable } from '../../../components/RecordTable';
import { noPrintClass, PrintButton, Term } from '../../../components/charts';

/** The message prefix of 客户分析: t(`${NS}.abc.tab`). */
export const NS = 'analysis.customers';
export const PAGE_SIZE = 20;

/** What every customer analysis row has: the customer it is about. */
interface CustomerRow {
  customerId: number;
  code: string;
  name: string;
}
/** A row keyed by its customer, as RecordTable wants. */
export type Keyed<R> = R & { id: number };

/** A column with a plain-text heading (what an export file says) and the figure's definition. */
export type FigureColumn<R> = DataTableColumn<Keyed<R>> & { title: string; help?: string };

/** 客户编号 and 客户名称, the name a link to the customer's page. */
export function customerColumns<R extends CustomerRow>(t: TFunction): FigureColumn<R>[] {
  return [
    { accessor: 'code', title: t(`${NS}.code`), width: 100 },
    {
      accessor: 'name',
      title: t(`${NS}.name`),
      render: (r) => (
        <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
          {r.name}
        </Anchor>
      ),
    },
  ];
}

/** A page of one customer analysis: the table, server-paged, headings with their ⓘ definitions. */
export function CustomerTable<R extends CustomerRow>(props: {
  label: string;
  columns: FigureColumn<R>[];
  rows: R[] | undefined;
  total: number;
  page: number;
  onPageChange: (page: number) => void;
  loading: boolean;
  sortStatus?: DataTableSortStatus<Keyed<R>>;
  onSortStatusChange?: (s: DataTableSortStatus<Keyed<R>>) => void;
}) {
  const { t } = useTranslation();
  const columns = props.columns.map(({ help, ...c }): DataTableColumn<Keyed<R>> =>
    help ? { ...c, title: <Term term={c.title} help={help} /> } : c,
  );
  return (
    <RecordTable<Keyed<R>>
      label={props.label}
      rows={(props.rows ?? []).map((r) => ({ ...r, id: r.customerId }))}
      total={props.total}
      page={props.page}
      pageSize={PAGE_SIZE}
      onPageChange={props.onPageChange}
      loading={props.loading}
      emptyText={t(`${NS}.empty`)}
      columns={columns}
      sortStatus={props.sortStatus}
      onSortStatusChange={props.onSortStatusChange}
    />
  );
}

/** 导出 of a customer analysis: every page of the current filter, the columns as on screen. */
export function CustomerExport<R extends CustomerRow>(props: {
  title: string;
  columns: FigureColumn<R>[];
  loadPage: (page: number, pageSize: number) => Promise<{ rows: R[]; total: number }>;
}) {
  return (
    <ListExport<Keyed<R>>
      title={props.title}
      columns={props.columns.map(({ help: _help, ...c }) => c)}
      loadPage={async (page, pageSize) => {
        const result = await props.loadPage(page, pageSize);
        return { rows: result.rows.map((r) => ({ ...r, id: r.customerId })), total: result.total };
      }}
    />
  );
}

/** A tab's own filters, in one row; they do not print. */
export function TabFilters({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group
      align="flex-start"
      gap="sm"
      className={noPrintClass}
      role="group"
      aria-label={t('analysis.filters.label')}
    >
      {children}
    </Group>
  );
}

/**
 * The line above a tab's figures: what they cover (the period, how many customers) on the left;
 * the tab's definition, its 导出 and 打印 on the right.
 */
export function TabLine(props: { text?: ReactNode; term: string; help: string; actions: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {props.text}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Term term={props.term} help={props.help} />
        {props.actions}
        <PrintButton />
      </Group>
    </Group>
  );
}

/** 统计截止日: the day the analysis looks back from; empty is today. */
export function AsOfField(props: { value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <DateField
      label={t(`${NS}.asOf`)}
      placeholder={t(`${NS}.asOfHint`)}
      value={props.value}
      onChange={props.onChange}
      clearable
      w={170}
    />
  );
}
