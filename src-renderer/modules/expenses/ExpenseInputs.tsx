import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  expenseCreateInput,
  type BaseKind,
  type Expense,
  type ExpenseCreateInput,
} from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { DateField } from '../../components/DateField';
import { MoneyInput } from '../../components/MoneyInput';
import type { TypedNumber } from '../../components/NumberField';
import { RecordSelect } from '../../components/RecordSelect';
import { useBaseLookup } from '../../lib/base-data';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { dateFieldProps, recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';
import { useExpenseItem } from './useExpenseItem';

/** A 费用 as the form holds it: no choice as null, text as '', the date and amount as typed. */
export interface ExpenseFormValues {
  expenseDate: string;
  categoryId: number | null;
  amount: TypedNumber;
  customerId: number | null;
  opportunityId: number | null;
  description: string;
  ownerId: number | null;
}

/** The names of the records a form's references point at, for the pickers' labels. */
export interface ExpenseRefLabels {
  customer?: string | null;
  opportunity?: string | null;
}

/** A new expense: dated today; a customer or opportunity when the page was opened for one. */
export function emptyExpenseValues(preset: Partial<ExpenseFormValues> = {}): ExpenseFormValues {
  return {
    expenseDate: localToday(),
    categoryId: null,
    amount: '',
    customerId: null,
    opportunityId: null,
    description: '',
    ownerId: null,
    ...preset,
  };
}

export function expenseToValues(e: Expense): ExpenseFormValues {
  return {
    expenseDate: e.expenseDate,
    categoryId: e.categoryId,
    amount: e.amount,
    customerId: e.customerId,
    opportunityId: e.opportunityId,
    description: e.description ?? '',
    ownerId: e.ownerId,
  };
}

/**
 * What the channel takes: an empty required field left out (so the schema says "required").
 * The form validates this same object before it is ever sent; an edit sends every field.
 */
export function toExpenseInput(v: ExpenseFormValues): ExpenseCreateInput {
  const { categoryId, amount, ...rest } = v;
  return {
    ...rest,
    ...(categoryId != null && { categoryId }),
    ...(amount !== '' && { amount }),
  } as ExpenseCreateInput;
}

/** A form for one 费用, validated with the contract's own schema. */
export function useExpenseForm(expense?: Expense, preset?: Partial<ExpenseFormValues>) {
  const { t } = useTranslation();
  const validate = schemaValidator<ExpenseCreateInput>(expenseCreateInput, t);
  return useForm<ExpenseFormValues>({
    initialValues: expense ? expenseToValues(expense) : emptyExpenseValues(preset),
    validate: (values) => validate(toExpenseInput(values)),
    ...recordFormOptions(expenseCreateInput),
  });
}

/** Saves the form: 新建 without `expense`, 修改 with it; a refused field goes beside its input. */
export function useSaveExpense(expense?: Expense) {
  const { t } = useTranslation();
  const item = useExpenseItem();
  const create = useChannelMutation('expenses.create');
  const update = useChannelMutation('expenses.update');
  const save = (
    values: ExpenseFormValues,
    form: UseFormReturnType<ExpenseFormValues>,
    onSaved: (saved: Expense) => void,
  ) => {
    const handlers = {
      onSuccess: (saved: Expense) => {
        notifications.show({
          color: 'green',
          message: t(expense ? 'expenses.updated' : 'expenses.created', { item: item(saved) }),
        });
        onSaved(saved);
      },
      onError: (err: Error) => showSaveError(t, err, form),
    };
    const input = toExpenseInput(values);
    if (expense) update.mutate({ ...input, id: expense.id, version: expense.version }, handlers);
    else create.mutate(input, handlers);
  };
  return { save, saving: create.isPending || update.isPending };
}

/** A base-data select's options, keeping a chosen entry that was since made inactive. */
function useOptionsWith(kind: BaseKind, current: number | null) {
  const lookup = useBaseLookup();
  const options = lookup.options(kind);
  return current != null && !options.some((o) => o.value === String(current))
    ? [{ value: String(current), label: lookup.name(current) }, ...options]
    : options;
}

/**
 * The inputs of 新建费用记录 and 修改费用. The opportunity is picked among the chosen customer's;
 * changing the customer clears it. With no customer chosen, any opportunity can be picked, and
 * picking one fills in its customer (the main process would file it there anyway).
 */
export function ExpenseInputs({
  form,
  labels: initialLabels = {},
}: {
  form: UseFormReturnType<ExpenseFormValues>;
  labels?: ExpenseRefLabels;
}) {
  const { t } = useTranslation();
  const { values } = form;
  const { customerId } = values;
  const label = (f: keyof ExpenseFormValues) => t(`expenses.fields.${f}`);
  const categoryOptions = useOptionsWith('expense_category', values.categoryId);
  const ownerOptions = useOptionsWith('sales_rep', values.ownerId);
  // The pickers' labels; a customer filled in from an opportunity remounts its picker (the key).
  const [labels, setLabels] = useState<ExpenseRefLabels & { filled: number }>({
    ...initialLabels,
    filled: 0,
  });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={label('expenseDate')} withAsterisk {...dateFieldProps(form, 'expenseDate')} />
        <Select
          label={label('categoryId')}
          withAsterisk
          data-autofocus
          data={categoryOptions}
          value={values.categoryId == null ? null : String(values.categoryId)}
          onChange={(v) => form.setFieldValue('categoryId', v ? Number(v) : null)}
          error={form.errors.categoryId}
          allowDeselect={false}
        />
        <MoneyInput label={label('amount')} withAsterisk {...form.getInputProps('amount')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <RecordSelect
          key={`customer-${labels.filled}`}
          source="customers"
          label={label('customerId')}
          value={customerId}
          initialLabel={labels.customer}
          onChange={(id) => {
            if (id === customerId) return;
            // Another customer's opportunities are not this one's.
            form.setValues({ customerId: id, opportunityId: null });
          }}
          error={form.errors.customerId}
        />
        <RecordSelect
          // A new customer: the opportunity picker starts afresh with that customer's opportunities.
          key={`opportunity-${customerId ?? ''}`}
          source="opportunities"
          label={label('opportunityId')}
          where={customerId != null ? { customerId } : {}}
          description={customerId == null ? t('expenses.customerFromOpportunity') : undefined}
          value={values.opportunityId}
          initialLabel={labels.opportunity}
          onPick={(row) => {
            const opportunity = `${row.title as string}（${row.code as string}）`;
            if (customerId == null) {
              setLabels((l) => ({ customer: row.customerName as string, opportunity, filled: l.filled + 1 }));
              form.setFieldValue('customerId', row.customerId as number);
            } else setLabels((l) => ({ ...l, opportunity }));
          }}
          onChange={(id) => form.setFieldValue('opportunityId', id)}
          error={form.errors.opportunityId}
        />
        <Select
          label={label('ownerId')}
          data={ownerOptions}
          value={values.ownerId == null ? null : String(values.ownerId)}
          onChange={(v) => form.setFieldValue('ownerId', v ? Number(v) : null)}
          error={form.errors.ownerId}
          clearable
          searchable
        />
      </SimpleGrid>
      <Textarea
        label={label('description')}
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('description')}
      />
    </Stack>
  );
}
