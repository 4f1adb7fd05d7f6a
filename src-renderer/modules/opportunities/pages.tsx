import { Alert, Button, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Opportunity } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { LinesTable } from '../../components/LinesEditor';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseData, useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { errorText } from '../../lib/errors';
import { useChannelQuery } from '../../lib/queries';
import { OpportunityForm } from './OpportunityForm';
import { OpportunityShow, useSaleCode } from './OpportunityShow';
import { opportunityFieldRows } from './opportunityFieldRows';

/** 增加机会; `?customerId=` presets the customer (from a customer's 机会 tab). */
export function OpportunityCreatePage() {
  const { t } = useTranslation();
  const customerId = Number(useSearchParams()[0].get('customerId')) || null;
  const baseData = useBaseData();
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: customerId != null });
  // The form starts from the first stage and the preset customer's name, so wait for both.
  if (baseData.isPending || (customerId != null && customer.isPending)) {
    return <Loader role="status" aria-label={t('common.loading')} />;
  }
  if (customer.isError) {
    return (
      <Alert color="red" title={t('common.notFound')}>
        {errorText(t, customer.error)}
      </Alert>
    );
  }
  return (
    <OpportunityForm
      customer={
        customerId != null && customer.data
          ? { id: customerId, label: `${customer.data.name}（${customer.data.code}）` }
          : undefined
      }
    />
  );
}

export const OpportunityShowPage = () => (
  <RecordLoader channel="opportunities.get">
    {(o) => <OpportunityShow key={o.id} opportunity={o} />}
  </RecordLoader>
);

/** 修改机会: an open opportunity only; a closed one is shown read-only instead. */
function OpportunityEdit({ opportunity }: { opportunity: Opportunity }) {
  if (opportunity.status !== 'open') return <OpportunityShow opportunity={opportunity} />;
  return <OpportunityForm opportunity={opportunity} />;
}

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const OpportunityEditPage = () => (
  <RecordLoader channel="opportunities.get">
    {(o) => <OpportunityEdit key={`${o.id}:${o.version}`} opportunity={o} />}
  </RecordLoader>
);

function OpportunityFieldTable({ opportunity }: { opportunity: Opportunity }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const saleCode = useSaleCode(opportunity.saleId);
  const custom = useCustomFieldRows('opportunities', opportunity.custom);
  return (
    <Stack gap="md">
      <FieldDetailTable
        title={t('opportunities.fieldTableTitle', { title: opportunity.title })}
        rows={withCustomRows(opportunityFieldRows(opportunity, t, i18n.language, lookup, saleCode), custom)}
        actions={
          <Button component={Link} to={`/opportunities/${opportunity.id}`} variant="default">
            {t('actions.back')}
          </Button>
        }
      />
      {opportunity.lines.length > 0 && (
        <>
          <Title order={3}>{t('opportunities.fields.lines')}</Title>
          <LinesTable lines={opportunity.lines} />
        </>
      )}
    </Stack>
  );
}

export const OpportunityFieldTablePage = () => (
  <RecordLoader channel="opportunities.get">{(o) => <OpportunityFieldTable opportunity={o} />}</RecordLoader>
);
