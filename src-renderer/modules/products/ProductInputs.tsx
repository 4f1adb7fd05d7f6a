import { Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../src-main/contract';
import { MoneyInput } from '../../components/MoneyInput';
import type { TypedNumber } from '../../components/NumberField';
import { useBaseLookup } from '../../lib/base-data';

/** A product as the form holds it: text as '', money in cents (or as typed), no category as null. */
export interface ProductFormValues {
  name: string;
  categoryId: number | null;
  unit: string;
  listPrice: TypedNumber;
  cost: TypedNumber;
  active: boolean;
  description: string;
}

export const emptyProductValues = (): ProductFormValues => ({
  name: '',
  categoryId: null,
  unit: '',
  listPrice: 0,
  cost: 0,
  active: true,
  description: '',
});

export const productToValues = (p: Product): ProductFormValues => ({
  name: p.name,
  categoryId: p.categoryId,
  unit: p.unit ?? '',
  listPrice: p.listPrice,
  cost: p.cost,
  active: p.active,
  description: p.description ?? '',
});

/** The inputs of 增加产品 and 修改产品. */
export function ProductInputs({ form }: { form: UseFormReturnType<ProductFormValues> }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const label = (f: keyof ProductFormValues) => t(`products.fields.${f}`);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <TextInput label={label('name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label={label('categoryId')}
          data={lookup.options('product_category')}
          value={form.values.categoryId == null ? null : String(form.values.categoryId)}
          onChange={(v) => form.setFieldValue('categoryId', v ? Number(v) : null)}
          error={form.errors.categoryId}
          clearable
          searchable
        />
        <TextInput label={label('unit')} {...form.getInputProps('unit')} />
        <MoneyInput label={label('listPrice')} {...form.getInputProps('listPrice')} />
        <MoneyInput label={label('cost')} {...form.getInputProps('cost')} />
      </SimpleGrid>
      <Switch label={label('active')} {...form.getInputProps('active', { type: 'checkbox' })} />
      <Textarea
        label={label('description')}
        autosize
        minRows={3}
        maxRows={12}
        {...form.getInputProps('description')}
      />
    </Stack>
  );
}
