import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Product } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useBaseLookup } from '../../lib/base-data';
import { productFieldRows } from './productFieldRows';
import { useDeleteProductsFlow } from './useDeleteProductsFlow';
import { RecordActions } from '../../components/RecordActions';

/** One product: header, actions and its fields (基本信息). */
export function ProductShow({ product }: { product: Product }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const confirmDelete = useDeleteProductsFlow();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/products"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('products.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{product.name}</Title>
            <Badge variant="light">{product.code}</Badge>
            <Badge color={product.active ? 'green' : 'gray'}>
              {t(product.active ? 'products.activeYes' : 'products.activeNo')}
            </Badge>
          </Group>
        </Stack>
        <RecordActions
          ns="products"
          path={`/products/${product.id}`}
          onDelete={() => confirmDelete([product], () => void navigate('/products'))}
        />
      </Group>

      <Title order={3} size="h4">
        {t('products.basic')}
      </Title>
      <FieldGrid rows={productFieldRows(product, t, lookup, i18n.language)} />
    </Stack>
  );
}
