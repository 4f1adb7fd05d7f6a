import { Group, Stack, Text } from '@mantine/core';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pageIn, type ChannelInput, type ChannelResult, type Page } from '../../../../src-main/contract';
import { PrintButton, Term } from '../../../components/charts';
import { ListExport } from '../../../components/ExportMenu';
import { RecordTable } from '../../../components/RecordTable';
import { useChannelQuery } from '../../../lib/queries';
import { QueryState } from '../AnalysisHeader';
import { NS, type CustomerRow, type FigureColumn, type Keyed } from './shared';

const PAGE_SIZE = 20;

/** The customer analyses: each answers a page of customers. */
type CustomerChannel =
  'analysis.abc' | 'analysis.rfm' | 'analysis.churn' | 'analysis.profit' | 'analysis.clv';
/** ABC and RFM answer their figures with the page of customers inside; the others the page alone. */
type CustomerResult<R> = Page<R> | { rows: Page<R> };
/**
 * Each channel's row, as a map so that a generic channel's row is still known to be one of them
 * (a conditional type on a generic channel would stay opaque).
 */
type CustomerRows = {
  [C in CustomerChannel]: ChannelResult<C> extends CustomerResult<infer R extends CustomerRow> ? R : never;
};
type RowOf<C extends CustomerChannel> = CustomerRows[C];
/** A channel's input but the page, which CustomerAnalysisTab keeps. */
type Filters<C extends CustomerChannel> = Omit<ChannelInput<C>, 'page' | 'pageSize'>;

/** The page of customers in a channel's answer. */
const pageOf = <C extends CustomerChannel>(result: ChannelResult<C>): Page<RowOf<C>> =>
  pageIn<RowOf<C>>(result);
/** RecordTable and the export key a row by its customer. */
const keyed = <R extends CustomerRow>(rows: R[]): Keyed<R>[] => rows.map((r) => ({ ...r, id: r.customerId }));

/**
 * What every customer analysis tab shows around its own filters and figures: the filters; a line
 * with what the figures cover, the definition, 导出 (every page of the current filters, the columns
 * as on screen) and 打印; the tab's figures, if any; then the customers, a page at a time, headings
 * with their ⓘ definitions.
 */
export function CustomerAnalysisTab<C extends CustomerChannel>(props: {
  /** `analysis.<name>`; the tab's strings are t(`${NS}.<name>.tab`), `.help`, `.fileName` and `.list`. */
  channel: C;
  /** The filters sent with every page. */
  input: Filters<C>;
  columns: FigureColumn<RowOf<C>>[];
  filters: ReactNode;
  /** What the figures cover; `data` is undefined until the first answer. */
  summary: (data: ChannelResult<C> | undefined) => ReactNode;
  /** The tab's own figures (a chart, a grid) above the table. */
  figures?: (data: ChannelResult<C>) => ReactNode;
  sortStatus?: DataTableSortStatus<Keyed<RowOf<C>>>;
  onSortStatusChange?: (s: DataTableSortStatus<Keyed<RowOf<C>>>) => void;
}) {
  const { t } = useTranslation();
  const k = (key: string) => t(`${NS}.${props.channel.replace('analysis.', '')}.${key}`);
  // The page belongs to the filters: other filters, even ones seen before, start at the first page.
  const filtersKey = JSON.stringify(props.input);
  const [paged, setPaged] = useState({ filtersKey, page: 1 });
  if (paged.filtersKey !== filtersKey) setPaged({ filtersKey, page: 1 });
  const page = paged.filtersKey === filtersKey ? paged.page : 1;
  // Omit<> of a generic input is not known to take its page back, hence the cast.
  const inputFor = (p: number, pageSize: number) =>
    ({ ...props.input, page: p, pageSize }) as ChannelInput<C>;
  const query = useChannelQuery(props.channel, inputFor(page, PAGE_SIZE));

  const columns = props.columns.map(({ help, ...c }): DataTableColumn<Keyed<RowOf<C>>> =>
    help ? { ...c, title: <Term term={c.title} help={help} /> } : c,
  );

  return (
    <Stack gap="md">
      {props.filters}
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" aria-live="polite">
          {props.summary(query.data)}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Term term={k('tab')} help={k('help')} />
          <ListExport<Keyed<RowOf<C>>>
            title={k('fileName')}
            columns={props.columns.map(({ help: _help, ...c }) => c)}
            channel={props.channel}
            input={props.input}
            rows={(rows) => keyed(rows as RowOf<C>[])}
          />
          <PrintButton />
        </Group>
      </Group>
      <QueryState query={query}>
        {(data) => {
          const customers = pageOf<C>(data);
          return (
            <>
              {props.figures?.(data)}
              <RecordTable<Keyed<RowOf<C>>>
                label={k('list')}
                rows={keyed(customers.rows)}
                total={customers.total}
                page={page}
                pageSize={PAGE_SIZE}
                onPageChange={(p) => setPaged({ filtersKey, page: p })}
                loading={query.isPlaceholderData}
                emptyText={t(`${NS}.empty`)}
                columns={columns}
                sortStatus={props.sortStatus}
                onSortStatusChange={props.onSortStatusChange}
              />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
