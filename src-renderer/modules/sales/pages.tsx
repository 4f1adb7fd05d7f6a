import { Button, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { id as idSchema, type Sale } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { LinesTable } from '../../components/LinesEditor';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { useChannelQuery } from '../../lib/queries';
import { SaleForm } from './SaleForm';
import { SaleShow } from './SaleShow';
import { saleFieldRows } from './saleFieldRows';

/**
 * 新建销售. `?customerId=<id>` (from a customer's 销售 tab) presets the customer; an id that is
 * not a customer is ignored.
 */
export function SaleCreatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const parsed = idSchema.safeParse(Number(params.get('customerId')));
  const customerId = parsed.success ? parsed.data : null;
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: customerId != null });
  if (customerId == null) return <SaleForm />;
  if (customer.isPending) return <Loader role="status" aria-label={t('common.loading')} />;
  if (customer.isError) return <SaleForm />;
  const c = customer.data;
  return <SaleForm key={c.id} customer={{ id: c.id, label: `${c.name}（${c.code}）` }} />;
}

export const SaleShowPage = () => (
  <RecordLoader channel="sales.get">{(s) => <SaleShow key={s.id} sale={s} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const SaleEditPage = () => (
  <RecordLoader channel="sales.get">{(s) => <SaleForm key={`${s.id}:${s.version}`} sale={s} />}</RecordLoader>
);

function SaleFieldTable({ sale }: { sale: Sale }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const custom = useCustomFieldRows('sales', sale.custom);
  return (
    <Stack gap="lg">
      <FieldDetailTable
        title={t('sales.fieldTableTitle', { code: sale.code })}
        rows={withCustomRows(saleFieldRows(sale, t, lookup, i18n.language), custom)}
        actions={
          <Button component={Link} to={`/sales/${sale.id}`} variant="default">
            {t('actions.back')}
          </Button>
        }
      />
      {sale.lines.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>{t('sales.lines')}</Title>
          <LinesTable lines={sale.lines} />
        </Stack>
      )}
    </Stack>
  );
}

/** 销售字段详情表: every field, the lines' count and total, then the lines; printable. */
export const SaleFieldTablePage = () => (
  <RecordLoader channel="sales.get">{(s) => <SaleFieldTable sale={s} />}</RecordLoader>
);
