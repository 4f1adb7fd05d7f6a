import { Select, SimpleGrid } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { RecordSelect } from '../../components/RecordSelect';
import { noPrintClass } from '../../components/charts';
import type { BaseKind } from '../../../src-main/contract';
import { useBaseLookup } from '../../lib/base-data';
import type { AnalysisParams, SalesFilterKey } from './params';

const kindOf: Record<Exclude<SalesFilterKey, 'productId'>, [BaseKind, string]> = {
  ownerId: ['sales_rep', 'owner'],
  customerTypeId: ['customer_type', 'customerType'],
  regionId: ['region', 'region'],
  productCategoryId: ['product_category', 'productCategory'],
};

/**
 * The filters row of an analysis: the date range (shown as the range the result covers when
 * left empty), `before` controls (period, dimension …), then the sales filters in `fields`.
 * It does not print.
 */
export function SalesFilters(props: {
  params: AnalysisParams;
  /** The range the last result covered, shown while the URL has none. */
  shown?: { from: string; to: string };
  fields: readonly SalesFilterKey[];
  before?: ReactNode;
}) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const { params } = props;
  const f = (k: string) => t(`analysis.filters.${k}`);
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="xs"
      className={noPrintClass}
      role="group"
      aria-label={f('label')}
    >
      <DateField
        label={f('from')}
        placeholder={props.shown?.from ?? f('rangeHint')}
        value={params.from ?? null}
        onChange={(d) => params.update({ from: d })}
        clearable
      />
      <DateField
        label={f('to')}
        placeholder={props.shown?.to ?? f('rangeHint')}
        value={params.to ?? null}
        onChange={(d) => params.update({ to: d })}
        error={params.rangeValid ? undefined : f('rangeOrder')}
        clearable
      />
      {props.before}
      {props.fields.map((k) =>
        k === 'productId' ? (
          <RecordSelect
            key={k}
            source="products"
            label={f('product')}
            placeholder={f('productPlaceholder')}
            value={params.filters.productId ?? null}
            onChange={(id) => params.update({ productId: id })}
            clearable
          />
        ) : (
          <Select
            key={k}
            label={f(kindOf[k][1])}
            data={lookup.options(kindOf[k][0])}
            value={params.raw(k)}
            onChange={(v) => params.update({ [k]: v })}
            clearable
            searchable
          />
        ),
      )}
    </SimpleGrid>
  );
}
