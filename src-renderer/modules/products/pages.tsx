import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Product } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { ProductForm } from './ProductForm';
import { ProductShow } from './ProductShow';
import { productFieldRows } from './productFieldRows';

export const ProductCreatePage = () => <ProductForm />;

export const ProductShowPage = () => (
  <RecordLoader channel="products.get">{(p) => <ProductShow key={p.id} product={p} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const ProductEditPage = () => (
  <RecordLoader channel="products.get">
    {(p) => <ProductForm key={`${p.id}:${p.version}`} product={p} />}
  </RecordLoader>
);

function ProductFieldTable({ product }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  return (
    <FieldDetailTable
      title={t('products.fieldTableTitle', { name: product.name })}
      rows={productFieldRows(product, t, lookup, i18n.language)}
      actions={
        <Button component={Link} to={`/products/${product.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

/** 产品字段详情表: every field, printable. */
export const ProductFieldTablePage = () => (
  <RecordLoader channel="products.get">{(p) => <ProductFieldTable product={p} />}</RecordLoader>
);
