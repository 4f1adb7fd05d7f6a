import { Fieldset, Select, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  saleCreateInput,
  type CustomField,
  type Sale,
  type SaleCreateInput,
  type SaleStatus,
} from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { CustomerLinesInputs, type CustomerLinesFormProps } from '../../components/CustomerLinesInputs';
import { DateField } from '../../components/DateField';
import { draftsToLineInput, linesToDrafts, linesTotal, type LineDraft } from '../../components/LinesEditor';
import { MoneyInput } from '../../components/MoneyInput';
import { numberOr, type TypedNumber } from '../../components/NumberField';
import { useBaseLookup } from '../../lib/base-data';
import {
  customInput,
  customToFormValues,
  validateCustom,
  type CustomFormValues,
} from '../../lib/custom-fields';
import { schemaValidator } from '../../lib/errors';
import { dateFieldProps } from '../../lib/forms';
import { formatMoney } from '../../lib/money';
import { useStatusOptions } from './status';

/** A sale as the form holds it: no choice as null, text as '', the date as YYYY-MM-DD (or as typed). */
export interface SaleFormValues {
  customerId: number | null;
  contactId: number | null;
  saleDate: string;
  ownerId: number | null;
  status: SaleStatus;
  amountReceived: TypedNumber;
  notes: string;
  lines: LineDraft[];
  custom: CustomFormValues;
}

/** A new sale: today, confirmed, nothing received; for a customer when one is given. */
export function emptySaleValues(customerId: number | null = null): SaleFormValues {
  return {
    customerId,
    contactId: null,
    saleDate: localToday(),
    ownerId: null,
    status: 'confirmed',
    amountReceived: 0,
    notes: '',
    lines: [],
    custom: {},
  };
}

export function saleToValues(s: Sale): SaleFormValues {
  return {
    customerId: s.customerId,
    contactId: s.contactId,
    saleDate: s.saleDate,
    ownerId: s.ownerId,
    status: s.status,
    amountReceived: s.amountReceived,
    notes: s.notes ?? '',
    lines: linesToDrafts(s.lines),
    custom: customToFormValues(s.custom),
  };
}

/**
 * The form's values as the contract takes them. An empty picker is a missing value, so the form
 * says 必填 beside it. Every line carries its unit price: the list price the product had when it
 * was picked, or the price the line was sold at.
 */
export function saleInput(values: SaleFormValues, customFields: CustomField[]): SaleCreateInput {
  const missing = undefined as unknown as number;
  return {
    customerId: values.customerId ?? missing,
    contactId: values.contactId,
    saleDate: values.saleDate,
    ownerId: values.ownerId,
    status: values.status,
    amountReceived: values.amountReceived as number,
    notes: values.notes,
    lines: draftsToLineInput(values.lines),
    custom: customInput(customFields, values.custom),
  };
}

/** Refuses in the form exactly what sales.create would refuse, custom fields included. */
export function saleValidator(t: TFunction, customFields: CustomField[]) {
  const validate = schemaValidator<SaleCreateInput>(saleCreateInput, t);
  return (values: SaleFormValues) => ({
    ...validate(saleInput(values, customFields)),
    ...validateCustom(customFields, values.custom, t),
  });
}

/** The inputs of 新建销售 and 修改销售: a customer's lines, plus the sale's date, owner, status and money. */
export function SaleInputs({ form, customFields, labels }: CustomerLinesFormProps<SaleFormValues>) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const statusOptions = useStatusOptions();
  const label = (f: string) => t(`sales.fields.${f}`);
  const { values } = form;
  const total = linesTotal(values.lines);

  return (
    <CustomerLinesInputs
      form={form}
      customFields={customFields}
      labels={labels}
      kind="sales"
      autofocusCustomer
      basic={
        <>
          <DateField label={label('saleDate')} withAsterisk {...dateFieldProps(form, 'saleDate')} />
          <Select
            label={label('ownerId')}
            data={
              // An owner since made inactive stays shown on the sale that has it.
              values.ownerId != null &&
              !lookup.options('sales_rep').some((o) => o.value === String(values.ownerId))
                ? [
                    { value: String(values.ownerId), label: lookup.name(values.ownerId) },
                    ...lookup.options('sales_rep'),
                  ]
                : lookup.options('sales_rep')
            }
            value={values.ownerId == null ? null : String(values.ownerId)}
            onChange={(v) => form.setFieldValue('ownerId', v ? Number(v) : null)}
            error={form.errors.ownerId}
            clearable
            searchable
          />
          <Select
            label={label('status')}
            data={statusOptions}
            value={values.status}
            onChange={(v) => v && form.setFieldValue('status', v as SaleStatus)}
            error={form.errors.status}
            allowDeselect={false}
          />
        </>
      }
      afterLines={
        <Fieldset legend={t('sales.sections.money')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <div>
              <Text size="sm" fw={500}>
                {label('amount')}
              </Text>
              <Text size="lg" aria-label={label('amount')} aria-live="polite">
                {formatMoney(total, i18n.language)}
              </Text>
            </div>
            <MoneyInput label={label('amountReceived')} {...form.getInputProps('amountReceived')} />
            <div>
              <Text size="sm" fw={500}>
                {t('sales.outstanding')}
              </Text>
              <Text size="lg" aria-label={t('sales.outstanding')} aria-live="polite">
                {formatMoney(total - numberOr(values.amountReceived), i18n.language)}
              </Text>
            </div>
          </SimpleGrid>
        </Fieldset>
      }
    />
  );
}
