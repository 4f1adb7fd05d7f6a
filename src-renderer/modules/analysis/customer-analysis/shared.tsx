import { Anchor, Group } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateField } from '../../../components/DateField';
import { noPrintClass } from '../../../components/charts';

/** The message prefix of 客户分析: t(`${NS}.abc.tab`). */
export const NS = 'analysis.customers';

/** What every customer analysis row has: the customer it is about. */
export interface CustomerRow {
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
