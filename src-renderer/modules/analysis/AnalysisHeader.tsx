import { Alert, Center, Group, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PrintButton } from '../../components/charts';
import { errorText } from '../../lib/errors';

/** The line above an analysis: the range it covers, and 打印. */
export function RangeLine({ from, to, extra }: { from?: string; to?: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {from && to ? t('analysis.range', { from, to }) : ''}
      </Text>
      <Group gap="xs">
        {extra}
        <PrintButton />
      </Group>
    </Group>
  );
}

/** A spinner while the first result loads, the error if it failed, else the analysis. */
export function QueryState<T>(props: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (props.query.isError) {
    return (
      <Alert color="red" title={t('errors.title')}>
        {errorText(t, props.query.error)}
      </Alert>
    );
  }
  if (props.query.data === undefined) {
    return (
      <Center py="xl">
        <Loader role="status" aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{props.children(props.query.data)}</>;
}
