import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { lineAmount, lineInput, type Line, type LineInput } from '../../src-main/contract';
import { checkChangedField } from '../lib/forms';
import { formatMoney } from '../lib/money';
import { MoneyInput } from './MoneyInput';
import { NumberField, numberOr, type TypedNumber } from './NumberField';
import { RecordSelect } from './RecordSelect';

/**
 * One line as a form holds it: numbers as typed (see NumberField). `productName` labels a
 * product that is already on the line.
 */
export interface LineDraft {
  productId: number | null;
  productName?: string | null;
  quantity: TypedNumber;
  unitPrice: TypedNumber;
  discount: TypedNumber;
}

/**
 * A line's amount as you type, or null while the door would refuse the line (no product yet, a
 * cell that is not a number or out of range): such a line shows no amount and adds nothing.
 */
const draftAmount = (l: LineDraft): number | null =>
  lineInput.safeParse(draftToLineInput(l)).success
    ? lineAmount(numberOr(l.quantity), numberOr(l.unitPrice), numberOr(l.discount))
    : null;

export const linesTotal = (lines: LineDraft[]) => lines.reduce((sum, l) => sum + (draftAmount(l) ?? 0), 0);

type LineField = 'productId' | 'quantity' | 'unitPrice' | 'discount';

/**
 * 明细: product lines edited in place. Choosing a product fills in its list price; amounts and
 * the total follow every keystroke, computed exactly as the main process stores them. A cell's
 * problem (`errorAt`) shows under that cell; `error` is one about the lines as a whole.
 */
export function LinesEditor({
  value,
  onChange,
  errorAt = () => undefined,
  onCellBlur,
  error,
}: {
  value: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  errorAt?: (line: number, field: LineField) => ReactNode;
  /** A cell was left: the form checks that cell. */
  onCellBlur?: (line: number, field: LineField) => void;
  error?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const set = (i: number, patch: Partial<LineDraft>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const cell = (i: number, field: LineField) => ({
    error: errorAt(i, field),
    onBlur: () => onCellBlur?.(i, field),
  });
  return (
    <div>
      <Table
        withTableBorder
        aria-label={t('lines.title')}
        verticalSpacing="xs"
        style={{ verticalAlign: 'top' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('lines.product')}</Table.Th>
            <Table.Th w={130}>{t('lines.quantity')}</Table.Th>
            <Table.Th w={170}>{t('lines.unitPrice')}</Table.Th>
            <Table.Th w={130}>{t('lines.discount')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('lines.amount')}
            </Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {value.map((line, i) => (
            <Table.Tr key={i}>
              <Table.Td pt="md">{i + 1}</Table.Td>
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
                  error={errorAt(i, 'productId')}
                />
              </Table.Td>
              <Table.Td>
                <NumberField
                  aria-label={t('lines.quantityN', { n: i + 1 })}
                  value={line.quantity}
                  onChange={(quantity) => set(i, { quantity })}
                  {...cell(i, 'quantity')}
                />
              </Table.Td>
              <Table.Td>
                <MoneyInput
                  aria-label={t('lines.unitPriceN', { n: i + 1 })}
                  value={line.unitPrice}
                  onChange={(unitPrice) => set(i, { unitPrice })}
                  {...cell(i, 'unitPrice')}
                />
              </Table.Td>
              <Table.Td>
                <NumberField
                  aria-label={t('lines.discountN', { n: i + 1 })}
                  value={line.discount}
                  onChange={(discount) => set(i, { discount })}
                  format={(n) => `${n}%`}
                  {...cell(i, 'discount')}
                />
              </Table.Td>
              <Table.Td ta="right" pt="md">
                {line.productId ? formatMoney(draftAmount(line), i18n.language) || '—' : ''}
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={4}
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

/**
 * The editor's drafts → the contract's line input. An empty product stays missing (必填), and a
 * number still being typed goes as its text, so the schema refuses it with its reason.
 */
const draftToLineInput = (l: LineDraft): LineInput => ({
  productId: l.productId ?? (undefined as unknown as number),
  quantity: l.quantity as number,
  unitPrice: l.unitPrice as number,
  discount: l.discount as number,
});

export const draftsToLineInput = (drafts: LineDraft[]): LineInput[] => drafts.map(draftToLineInput);

/**
 * The lines editor inside a record form whose `lines` field holds drafts: each cell's problem
 * (`lines.1.quantity`) under that cell, checked when a changed cell is left and on save.
 */
export function FormLinesEditor({
  form,
}: {
  form: {
    values: { lines: LineDraft[] };
    errors: Record<string, ReactNode>;
    setFieldValue: (path: 'lines', value: LineDraft[]) => void;
    clearFieldError: (path: string) => void;
    isDirty: (path: string) => boolean;
    validateField: (path: string) => unknown;
  };
}) {
  return (
    <LinesEditor
      value={form.values.lines}
      onChange={(lines) => {
        const before = form.values.lines;
        form.setFieldValue('lines', lines);
        // A cell that changed, or every cell once lines are added or removed, drops its old problem.
        for (const path of Object.keys(form.errors)) {
          const [, i, field] = path.split('.') as [string, string, keyof LineDraft];
          if (!path.startsWith('lines.')) continue;
          if (lines.length !== before.length || lines[+i]?.[field] !== before[+i]?.[field])
            form.clearFieldError(path);
        }
      }}
      errorAt={(i, field) => form.errors[`lines.${i}.${field}`]}
      onCellBlur={(i, field) => checkChangedField(form, `lines.${i}.${field}`)}
      error={form.errors.lines}
    />
  );
}
