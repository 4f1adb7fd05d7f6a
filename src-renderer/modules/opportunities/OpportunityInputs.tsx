import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  opportunityCreateInput,
  type CustomField,
  type Opportunity,
  type OpportunityCreateInput,
} from '../../../src-main/contract';
import { CustomerLinesInputs, type CustomerLinesFormProps } from '../../components/CustomerLinesInputs';
import { DateField } from '../../components/DateField';
import { draftsToLineInput, linesToDrafts, linesTotal, type LineDraft } from '../../components/LinesEditor';
import { MoneyInput } from '../../components/MoneyInput';
import { NumberField, type TypedNumber } from '../../components/NumberField';
import { useBaseLookup } from '../../lib/base-data';
import {
  customInput,
  customToFormValues,
  validateCustom,
  type CustomFormValues,
} from '../../lib/custom-fields';
import { schemaValidator } from '../../lib/errors';
import { dateFieldProps } from '../../lib/forms';
import { useStages } from './stages';

/**
 * An opportunity as the form holds it: no choice as null, an empty date or probability as '',
 * numbers and dates as typed until they read as one.
 */
export interface OpportunityFormValues {
  customerId: number | null;
  contactId: number | null;
  title: string;
  sourceId: number | null;
  stageId: number | null;
  probability: TypedNumber;
  expectedAmount: TypedNumber;
  expectedCloseDate: string;
  ownerId: number | null;
  notes: string;
  lines: LineDraft[];
  custom: CustomFormValues;
}

export function emptyOpportunityValues(
  customerId: number | null = null,
  stage: { id: number; probability: number | null } | undefined = undefined,
): OpportunityFormValues {
  return {
    customerId,
    contactId: null,
    title: '',
    sourceId: null,
    stageId: stage?.id ?? null,
    probability: stage?.probability ?? '',
    expectedAmount: 0,
    expectedCloseDate: '',
    ownerId: null,
    notes: '',
    lines: [],
    custom: {},
  };
}

export function opportunityToValues(o: Opportunity): OpportunityFormValues {
  return {
    customerId: o.customerId,
    contactId: o.contactId,
    title: o.title,
    sourceId: o.sourceId,
    stageId: o.stageId,
    probability: o.probability,
    expectedAmount: o.expectedAmount,
    expectedCloseDate: o.expectedCloseDate ?? '',
    ownerId: o.ownerId,
    notes: o.notes ?? '',
    lines: linesToDrafts(o.lines),
    custom: customToFormValues(o.custom),
  };
}

/**
 * The form's values as the contract takes them. An empty picker is a missing value (so the form
 * says 必填 beside it); no stage or probability lets the main process choose its default.
 * `customFields` are the custom fields the form shows.
 */
export function opportunityInput(
  values: OpportunityFormValues,
  customFields: CustomField[],
): OpportunityCreateInput {
  const missing = undefined as unknown as number;
  return {
    customerId: values.customerId ?? missing,
    contactId: values.contactId,
    title: values.title,
    sourceId: values.sourceId,
    stageId: values.stageId ?? undefined,
    probability: values.probability === '' ? undefined : (values.probability as number),
    expectedAmount: values.expectedAmount as number,
    expectedCloseDate: values.expectedCloseDate || null,
    ownerId: values.ownerId,
    notes: values.notes,
    lines: draftsToLineInput(values.lines),
    custom: customInput(customFields, values.custom),
  };
}

/** Refuses in the form exactly what opportunities.create would refuse, custom fields included. */
export function opportunityValidator(t: TFunction, customFields: CustomField[]) {
  const validate = schemaValidator<OpportunityCreateInput>(opportunityCreateInput, t);
  return (values: OpportunityFormValues) => ({
    ...validate(opportunityInput(values, customFields)),
    ...validateCustom(customFields, values.custom, t),
  });
}

/** The inputs of 增加机会 and 修改机会: a customer's lines, plus the title, source, owner and forecast. */
export function OpportunityInputs({
  form,
  customFields,
  labels,
}: CustomerLinesFormProps<OpportunityFormValues>) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const stages = useStages();
  const label = (f: string) => t(`opportunities.fields.${f}`);
  const { values } = form;
  const hasLines = values.lines.length > 0;

  const baseSelect = (field: 'sourceId' | 'ownerId', kind: 'source' | 'sales_rep') => (
    <Select
      label={label(field)}
      data={lookup.options(kind)}
      value={values[field] == null ? null : String(values[field])}
      onChange={(v) => form.setFieldValue(field, v ? Number(v) : null)}
      error={form.errors[field]}
      clearable
      searchable
    />
  );

  // A stage since made inactive stays choosable on the opportunity that is in it.
  const stageOptions =
    values.stageId != null && !stages.openOptions.some((o) => o.value === String(values.stageId))
      ? [{ value: String(values.stageId), label: lookup.name(values.stageId) }, ...stages.openOptions]
      : stages.openOptions;

  return (
    <CustomerLinesInputs
      form={form}
      customFields={customFields}
      labels={labels}
      kind="opportunities"
      basic={
        <>
          <TextInput label={label('title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          {baseSelect('sourceId', 'source')}
          {baseSelect('ownerId', 'sales_rep')}
        </>
      }
      beforeLines={
        <Fieldset legend={t('opportunities.sections.forecast')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              label={label('stageId')}
              description={t('opportunities.stageProbability')}
              data={stageOptions}
              value={values.stageId == null ? null : String(values.stageId)}
              onChange={(v) => {
                const stageId = v ? Number(v) : null;
                form.setFieldValue('stageId', stageId);
                const p = stages.probability(stageId);
                if (p != null) form.setFieldValue('probability', p);
              }}
              error={form.errors.stageId}
              allowDeselect={false}
            />
            <NumberField
              label={label('probability')}
              format={(n) => `${n}%`}
              {...form.getInputProps('probability')}
            />
            <MoneyInput
              label={label('expectedAmount')}
              description={hasLines ? t('opportunities.amountFromLines') : undefined}
              {...form.getInputProps('expectedAmount')}
              disabled={hasLines}
              value={hasLines ? linesTotal(values.lines) : values.expectedAmount}
            />
            <DateField
              label={label('expectedCloseDate')}
              clearable
              {...dateFieldProps(form, 'expectedCloseDate')}
            />
          </SimpleGrid>
        </Fieldset>
      }
    />
  );
}
