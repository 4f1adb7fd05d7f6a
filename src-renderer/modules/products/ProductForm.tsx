import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { productCreateInput, type Product } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useChannelMutation } from '../../lib/queries';
import { ProductInputs, emptyProductValues, productToValues, type ProductFormValues } from './ProductInputs';

/** 增加产品 when `product` is absent, 修改产品 when it is given. */
export function ProductForm({ product }: { product?: Product }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChannelMutation('products.create');
  const update = useChannelMutation('products.update');
  const form = useForm<ProductFormValues>({
    initialValues: product ? productToValues(product) : emptyProductValues(),
    validate: schemaValidator<ProductFormValues>(productCreateInput, t),
    ...recordFormOptions(productCreateInput),
  });
  const guard = useFormGuard(form);

  const done = (saved: Product) => {
    notifications.show({
      color: 'green',
      message: product
        ? t('products.updated', { name: saved.name })
        : t('products.created', { name: saved.name, code: saved.code }),
    });
    guard.leave(`/products/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    // The schema has refused any amount still being typed, so both are cents here.
    const input = { ...values, listPrice: values.listPrice as number, cost: values.cost as number };
    if (product) update.mutate({ ...input, id: product.id, version: product.version }, handlers);
    else create.mutate(input, handlers);
  });

  return (
    <FormShell
      title={product ? t('products.editTitle', { name: product.name }) : t('products.add')}
      onSubmit={submit}
      onCancel={() => void navigate(product ? `/products/${product.id}` : '/products')}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <ProductInputs form={form} />
    </FormShell>
  );
}
