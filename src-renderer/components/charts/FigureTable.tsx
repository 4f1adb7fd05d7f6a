import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeText, type ExportColumn } from '../../lib/export';
import { toYuan } from '../../lib/money';
import { Term } from './HelpPopover';
import { formatNumber } from './theme';
import classes from './charts.module.css';

/** One column of the table behind a chart. */
export interface FigureColumn<Row> {
  key: string;
  title: string;
  /** The figure's definition, behind a ⓘ in the heading. */
  help?: ReactNode;
  /** Numbers right-aligned. */
  numeric?: boolean;
  /** What the cell shows. */
  cell: (row: Row) => ReactNode;
  /** What an exported file holds, when not the cell's text (e.g. yuan as a number). */
  exportValue?: (row: Row) => string | number | null;
}

/** A column's heading: its key, title and ⓘ definition. */
export type FigureHead = Pick<FigureColumn<unknown>, 'key' | 'title' | 'help'>;

/** A column of amounts in cents: shown with `money`, exported in yuan so a spreadsheet adds them. */
export function moneyColumn<Row>(
  head: FigureHead,
  cents: (row: Row) => number,
  money: (cents: number) => string,
): FigureColumn<Row> {
  return {
    ...head,
    numeric: true,
    cell: (row) => money(cents(row)),
    exportValue: (row) => toYuan(cents(row)),
  };
}

/** A column of counts: grouped for the language on screen, the plain number in an export. */
export function countColumn<Row>(
  head: FigureHead,
  value: (row: Row) => number,
  language: string,
): FigureColumn<Row> {
  return { ...head, numeric: true, cell: (row) => formatNumber(value(row), language), exportValue: value };
}

/** The export columns of a FigureTable: the same headings, the same rows. */
export function figureExportColumns<Row>(columns: FigureColumn<Row>[]): ExportColumn<Row>[] {
  return columns.map((c) => ({
    title: c.title,
    value: (row: Row) => (c.exportValue ? c.exportValue(row) : nodeText(c.cell(row))),
  }));
}

/**
 * The table behind a chart: headings with their ⓘ definitions, numbers right-aligned, and
 * `footer` rows (a total, "other") set apart below. `label` names the table for screen readers.
 */
export function FigureTable<Row>(props: {
  label: string;
  columns: FigureColumn<Row>[];
  rows: Row[];
  footer?: Row[];
  rowKey: (row: Row, index: number) => string | number;
}) {
  const { t } = useTranslation();
  const line = (row: Row, i: number, strong = false) => (
    <Table.Tr key={props.rowKey(row, i)} fw={strong ? 600 : undefined}>
      {props.columns.map((c) => (
        <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {c.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table striped highlightOnHover withTableBorder className={classes.table} aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>
            {props.columns.map((c) => (
              <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined}>
                <Term term={c.title} help={c.help} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={props.columns.length}>
                <Text c="dimmed" size="sm" ta="center" py="sm">
                  {t('chart.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            props.rows.map((r, i) => line(r, i))
          )}
        </Table.Tbody>
        {props.footer && props.footer.length > 0 && props.rows.length > 0 && (
          <Table.Tfoot>{props.footer.map((r, i) => line(r, props.rows.length + i, true))}</Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
