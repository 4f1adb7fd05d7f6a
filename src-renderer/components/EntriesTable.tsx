import { Alert, Loader, Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { EmptyState } from './EmptyState';

/**
 * A page's list of entries as a query reads them (备份, 导入记录): loading, its error, an empty
 * state that says how entries come to be, or the table with `headers` over `rows`.
 */
export function EntriesTable(props: {
  query: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
  count: number;
  empty: { icon: ReactNode; title: string; text: string };
  /** The table's accessible name. */
  label: string;
  headers: string[];
  rows: ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  return (
    <>
      {query.isPending && <Loader role="status" aria-label={t('common.loading')} />}
      {query.isError && (
        <Alert color="red" title={t('errors.title')}>
          {errorText(t, query.error)}
        </Alert>
      )}
      {query.isSuccess && props.count === 0 && <EmptyState {...props.empty} />}
      {props.count > 0 && (
        <Paper withBorder radius="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label={props.label} striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {props.headers.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{props.rows}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
