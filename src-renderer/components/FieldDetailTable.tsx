import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './print.module.css';

export interface FieldRow {
  label: string;
  value: ReactNode;
}

/**
 * 字段详情表: every field of one record as label and value, laid out for paper.
 * `window.print()` opens the system print dialog in both the browser and the desktop window,
 * where "Save as PDF" is one of the printers.
 */
export function FieldDetailTable({
  title,
  rows,
  actions,
}: {
  title: string;
  rows: FieldRow[];
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  // The title names the PDF when the page is saved or printed to a file.
  useDocumentTitle(`${title} - Solo CRM`);
  return (
    <Stack gap="sm">
      <Group justify="space-between" className={classes.noPrint}>
        <Title order={2}>{title}</Title>
        <Group>
          {actions}
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t('actions.print')}
          </Button>
        </Group>
      </Group>
      <Title order={2} className={classes.printOnly}>
        {title}
      </Title>
      <Table withTableBorder withColumnBorders className={classes.table} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="28%">{t('customers.fieldColumn')}</Table.Th>
            <Table.Th>{t('customers.valueColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              <Table.Td className={classes.value}>
                {row.value === '' || row.value == null ? '—' : row.value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('customers.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}
      </Text>
    </Stack>
  );
}
