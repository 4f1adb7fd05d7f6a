import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldRow } from './FieldDetailTable';

/** A record's fields as a compact label/value grid: the 基本信息 tab of a detail page. */
export function FieldGrid({ rows }: { rows: FieldRow[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="sm">
      {rows.map((r) => (
        <div key={r.label}>
          <Text size="xs" c="dimmed">
            {r.label}
          </Text>
          <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {r.value === '' || r.value == null ? t('common.none') : r.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
