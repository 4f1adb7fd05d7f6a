import { ActionIcon, Button, Group, NumberInput, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { lineAmount, type Line, type LineInput } from '../../src-main/contract';
import { formatMoney } from '../lib/money';
import { MoneyInput } from './MoneyInput';
import { RecordSelect } from './RecordSelect';

/** One line as a form holds it. `productName` labels a product that is already on the line. */
export interface LineDraft {
  productId: number | null;
  productName?: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
}

export const linesTotal = (lines: LineDraft[]) =>
  lines.reduce(
    (sum, l) => sum + (l.productId ? lineAmount(l.quantity || 0, l.unitPrice || 0, l.discount || 0) : 0),
    0,
  );

/**
 * 明细: product lines edited in place. Choosing a product fills in its list price; amounts and
 * the total follow every keystroke, computed exactly as the main process stores them.
 */
export function LinesEditor({
  value,
  onChange,
  error,
}: {
  value: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const set = (i: number, patch: Partial<LineDraft>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div>
      <Table withTableBorder aria-label={t('lines.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('lines.product')}</Table.Th>
            <Table.Th w={120}>{t('lines.quantity')}</Table.Th>
            <Table.Th w={160}>{t('lines.unitPrice')}</Table.Th>
            <Table.Th w={120}>{t('lines.discount')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('lines.amount')}
            </Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.map((line, i) => (
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <RecordSelect
                  source="products"
                  where={{ active: true }}
                  aria-label={t('lines.productN', { n: i + 1 })}
                  value={line.productId}
                  initialLabel={line.productName}
                  // A pick arrives through onPick, with the list price; onChange follows it with
                  // the same stale `value`, so here it only clears (it would undo the price).
                  onChange={(productId) => productId === null && set(i, { productId })}
                  onPick={(p) => set(i, { productId: p.id as number, unitPrice: p.listPrice as number })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('lines.quantityN', { n: i + 1 })}
                  value={line.quantity}
                  onChange={(v) => set(i, { quantity: Number(v) || 0 })}
                  min={0}
                  decimalScale={3}
                  hideControls
                />
              </Table.Td>
              <Table.Td>
                <MoneyInput
                  aria-label={t('lines.unitPriceN', { n: i + 1 })}
                  value={line.unitPrice}
                  onChange={(unitPrice) => set(i, { unitPrice })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  aria-label={t('lines.discountN', { n: i + 1 })}
                  value={line.discount}
                  onChange={(v) => set(i, { discount: Number(v) || 0 })}
                  min={0}
                  max={100}
                  decimalScale={2}
                  suffix="%"
                  hideControls
                />
              </Table.Td>
              <Table.Td ta="right">
                {line.productId
                  ? formatMoney(
                      lineAmount(line.quantity || 0, line.unitPrice || 0, line.discount || 0),
                      i18n.language,
                    )
                  : ''}
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('lines.removeN', { n: i + 1 })}
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Td colSpan={5} ta="right" fw={600}>
              {t('lines.total')}
            </Table.Td>
            <Table.Td ta="right" fw={600} aria-label={t('lines.total')}>
              {formatMoney(linesTotal(value), i18n.language)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Group mt="xs" justify="space-between">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...value, { productId: null, quantity: 1, unitPrice: 0, discount: 0 }])}
        >
          {t('lines.add')}
        </Button>
        {error && (
          <Text c="red" size="sm">
            {error}
          </Text>
        )}
      </Group>
    </div>
  );
}

/** Read-only lines (明细察看): the same columns, for closed records and detail tabs. */
export function LinesTable({
  lines,
}: {
  lines: {
    lineNo: number;
    productName: string;
    unit: string | null;
    quantity: number;
    unitPrice: number;
    discount: number;
    amount: number;
  }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table withTableBorder striped aria-label={t('lines.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40}>#</Table.Th>
          <Table.Th>{t('lines.product')}</Table.Th>
          <Table.Th>{t('lines.unit')}</Table.Th>
          <Table.Th ta="right">{t('lines.quantity')}</Table.Th>
          <Table.Th ta="right">{t('lines.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('lines.discount')}</Table.Th>
          <Table.Th ta="right">{t('lines.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.lineNo}>
            <Table.Td>{l.lineNo}</Table.Td>
            <Table.Td>{l.productName}</Table.Td>
            <Table.Td>{l.unit}</Table.Td>
            <Table.Td ta="right">{l.quantity}</Table.Td>
            <Table.Td ta="right">{formatMoney(l.unitPrice, i18n.language)}</Table.Td>
            <Table.Td ta="right">{l.discount ? `${l.discount}%` : ''}</Table.Td>
            <Table.Td ta="right">{formatMoney(l.amount, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Td colSpan={6} ta="right" fw={600}>
            {t('lines.total')}
          </Table.Td>
          <Table.Td ta="right" fw={600}>
            {formatMoney(
              lines.reduce((s, l) => s + l.amount, 0),
              i18n.language,
            )}
          </Table.Td>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

/** Stored lines → the editor's drafts (an edit form starts from these). */
export const linesToDrafts = (lines: Line[]): LineDraft[] =>
  lines.map((l) => ({
    productId: l.productId,
    productName: l.productName,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount,
  }));

/** The editor's drafts → the contract's line input; an empty product stays missing, so the form says 必填. */
export const draftsToLineInput = (drafts: LineDraft[]): LineInput[] =>
  drafts.map((l) => ({
    productId: l.productId ?? (undefined as unknown as number),
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount,
  }));

/**
 * The lines editor inside a record form whose `lines` field holds drafts: it shows the first
 * problem with the lines as "第 2 行：必填" and forgets those problems once the lines change.
 */
export function FormLinesEditor({
  form,
}: {
  form: {
    values: { lines: LineDraft[] };
    errors: Record<string, unknown>;
    setFieldValue: (path: 'lines', value: LineDraft[]) => void;
    setErrors: (errors: Record<string, ReactNode>) => void;
  };
}) {
  const { t } = useTranslation();
  let error: string | undefined;
  for (const [path, e] of Object.entries(form.errors)) {
    if (!e || !path.startsWith('lines')) continue;
    const n = /^lines\.(\d+)/.exec(path)?.[1];
    error = n === undefined ? String(e) : t('lines.lineError', { n: Number(n) + 1, reason: String(e) });
    break;
  }
  return (
    <LinesEditor
      value={form.values.lines}
      onChange={(lines) => {
        form.setFieldValue('lines', lines);
        form.setErrors(
          Object.fromEntries(Object.entries(form.errors).filter(([k]) => !k.startsWith('lines'))) as Record<
            string,
            ReactNode
          >,
        );
      }}
      error={error}
    />
  );
}
