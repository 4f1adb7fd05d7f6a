/**
 * 导入's check step for a sales file: one row per sale line (订单号, 销售日期, 客户, 产品, 数量,
 * 单价, 折扣), grouped by order number into one sale with its lines, wherever the rows of an order
 * are in the file. Writes nothing; apply-sales.ts writes the plan.
 *
 * - An order's header (customer, date, owner, status …) comes from its rows: the first filled cell
 *   of each field. Rows that name another customer or another date than the order's other rows
 *   (an empty cell names none) reject the order, with `order_conflict` at each of its rows.
 * - A sale is imported whole or not at all: a problem at any row (a product not found, a bad
 *   quantity) rejects the order, and its other rows say so (`order_rejected`, with that row), so
 *   the file of rejected rows holds every line of the order to fix and import again.
 * - The customer is found by code, else name (as a contact's is); one that does not exist is a
 *   reason, or created (missingLinks 'create'). A product is found by code, else name, and never
 *   created: a line needs its price and unit. A row without an order number is a sale of its own.
 * - An order number that a stored sale has is a duplicate: skipped, or (mode 'create') imported
 *   with the next order number the app gives. Updating stored sales from a file is not supported:
 *   mode 'update' is refused.
 * - A discount is percent off (parseDiscount: 15, 15%, 8.5折). A discount column whose plain
 *   numbers (no % or 折) are all between 0 and 1, with one at least strictly between, holds
 *   fractions, as Northwind and many exports write them: 0.05 is then 5 % and 1 is 100 %. One plain
 *   number above 1 makes the whole column percent (0.5 is then half a per cent).
 *
 * Memory: the file is read twice. The first pass counts each order's rows and judges the discount
 * column; the second plans an order as soon as its last row is read and lets it go (to `onSale`,
 * which the import step writes at once). What is held is a count per order number and the orders
 * still open: a file sorted by order holds one; its problems are kept for the rejected rows.
 */
import type { z } from 'zod';
import { channels, fromZodIssue, type ValidationReason } from '../contract';
import { AppError } from '../db/errors';
import { listBaseItems } from '../records/base-data';
import type { HandlerContext } from '../records/context';
import { codeKey, nameKey } from './duplicates';
import {
  cellOf,
  cellProblem,
  columnName,
  mappedTargets,
  type Target,
  type LikelyDuplicate,
  type PlanCounts,
  type PlanInput,
  type PlanProblem,
} from './plan';
import { contactLookup, customerLookup, productLookup, saleCodes } from './plan-index';
import { baseLookup, readCell, type CellContext, type FieldValue } from './plan-values';
import type { ImportRow } from './source';
import { parseDiscount } from './values-number';

/** A sales file is read twice (see planSales): `rows` gives its rows afresh each time. */
export type SalesPlanInput = Omit<PlanInput, 'kind' | 'rows'> & {
  kind: 'sales';
  rows: (pass: 'scan' | 'check') => AsyncIterable<ImportRow> | Iterable<ImportRow>;
};

/** Where a plan's sales go as each order is complete; without it, into SalesPlan.actions. */
export interface SalesStream {
  /** After the first pass: how many orders the file has. */
  onScanned?: (orders: number) => void;
  onSale?: (sale: PlannedSale) => void;
}

/**
 * What the import does with one order. `input` is the `sales.create` input with its lines;
 * `code` the file's order number, kept as the sale's; `newCustomer` a customer the import
 * creates (once per key) for the order (SalesPlan.newCustomers lists them); `targetId` the stored
 * sale a skipped one is.
 */
export interface PlannedSale {
  /** The file rows of the order, in file order; the first is where the order begins. */
  rows: number[];
  action: 'create' | 'skip' | 'reject';
  input?: Record<string, unknown>;
  code?: string;
  newCustomer?: { key: string; name: string };
  targetId?: number;
}

/** The check of a sales file. Counts are of sales (orders), not rows; problems are at rows. */
export interface SalesPlan {
  kind: 'sales';
  counts: PlanCounts;
  problems: PlanProblem[];
  /** Sales have no likely duplicates: their order number is their key. */
  likely: LikelyDuplicate[];
  actions: PlannedSale[];
  newCustomers: { key: string; name: string; row: number }[];
}

/** One row's say on the order's customer and date, and what its cells held. */
interface RowSay {
  row: number;
  customer?: string;
  customerText?: string;
  date?: string;
  dateText?: string;
}

interface Discount {
  value: number;
  /** Written as a plain number (no % and no 折): may be a fraction. */
  plain: boolean;
}

interface OrderLine {
  row: number;
  input: Record<string, unknown>;
  /** The cells' texts, by line field: what a problem found by the channel's check shows. */
  texts: Record<string, string>;
  discount?: Discount;
}

interface Order {
  code?: string;
  says: RowSay[];
  header: Record<string, unknown>;
  custom: Record<string, FieldValue>;
  customerId?: number;
  newCustomer?: { key: string; name: string; row: number };
  contactText?: string;
  contactRow?: number;
  lines: OrderLine[];
  problems: PlanProblem[];
}

const HEADER_CONFLICTS = ['customerId', 'saleDate'] as const;

/** The line fields; every other field is the sale's (its header). */
const LINE_FIELDS = new Set(['productId', 'quantity', 'unitPrice', 'discount']);
const isHeader = (field: string) => !LINE_FIELDS.has(field);

/** Plain numbers, as the discount column is judged: no per cent sign and no 折. */
const PLAIN = /^[^%折]*$/;

/**
 * Judges the discount column as it is read: `fraction()` says its plain discounts are fractions
 * (see the module's note) — every one in [0, 1] and one at least strictly between.
 */
function discountJudge(): { see: (d: Discount) => void; fraction: () => boolean } {
  let between = false;
  let outside = false;
  return {
    see: (d) => {
      if (!d.plain) return;
      if (d.value > 1 || d.value < 0) outside = true;
      else if (d.value > 0 && d.value < 1) between = true;
    },
    fraction: () => between && !outside,
  };
}

/** A fraction as percent, exactly to the 4th decimal of the fraction (0.05 → 5, not 5.000…1). */
const asPercent = (fraction: number) => Math.round(fraction * 1_000_000) / 10_000;

export async function planSales(
  ctx: HandlerContext,
  input: SalesPlanInput,
  stream: SalesStream = {},
): Promise<SalesPlan> {
  const { headers, mapping, options } = input;
  if (options.duplicates === 'update') {
    throw new AppError('VALIDATION', 'A sales file cannot update stored sales: skip or create them', {
      field: 'options.duplicates',
      reason: 'invalid_value',
    });
  }
  const targets = mappedTargets(ctx, 'sales', mapping, input.fixed);
  const cellCtx: CellContext = {
    base: baseLookup(listBaseItems(ctx.db, {})),
    dayMonthOrder: options.dayMonthOrder,
  };
  const customers = customerLookup(ctx.db);
  const products = productLookup(ctx.db);
  const stored = saleCodes(ctx.db);
  const where = (key: string) => columnName(targets.get(key), headers, key);

  const textOf = (row: ImportRow, key: string, t: Target) => cellOf(row, t, input.fixed?.[key]);
  const codeTarget = targets.get('code');
  /** The order a row belongs to: its order number's, else its own. */
  const keyOf = (row: ImportRow): string => {
    const text = codeTarget ? textOf(row, 'code', codeTarget).text : '';
    const read = text === '' ? undefined : readCell(codeTarget!.field, text, cellCtx);
    return read?.ok ? `code:${codeKey(String(read.value))}` : `row:${row.row}`;
  };

  // The first pass: how many rows each order has, so that an order is planned (and, importing,
  // written) as soon as its last row is read and then let go: memory follows the orders still
  // open, not the file; and how the discount column reads.
  const remaining = new Map<string, number>();
  const judge = discountJudge();
  const discountTarget = targets.get('discount');
  for await (const row of input.rows('scan')) {
    const key = keyOf(row);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
    const text = discountTarget ? textOf(row, 'discount', discountTarget).text : '';
    const read = text === '' ? undefined : parseDiscount(text);
    if (read?.ok) judge.see({ value: read.value, plain: PLAIN.test(text.normalize('NFKC')) });
  }
  stream.onScanned?.(remaining.size);
  const fraction = judge.fraction();

  const contacts = targets.has('contactId') ? contactLookup(ctx.db) : null;
  const createSchema = channels['sales.create'] as z.ZodType;
  const plan: SalesPlan = {
    kind: 'sales',
    counts: { new: 0, update: 0, duplicate: 0, rejected: 0 },
    problems: [],
    likely: [],
    actions: [],
    newCustomers: [],
  };
  const plannedCustomers = new Set<string>();

  const emit = (sale: PlannedSale) => {
    if (stream.onSale) stream.onSale(sale);
    else plan.actions.push(sale);
  };

  /** Plans an order once its last row is read. */
  const finish = (order: Order) => {
    const rows = order.says.map((s) => s.row);
    const problems = [...order.problems];
    const orderParams: Record<string, string> = order.code === undefined ? {} : { order: order.code };

    // Rows that disagree on the customer or the date: every row of the order says so.
    for (const field of HEADER_CONFLICTS) {
      const named = order.says.map((s) => (field === 'customerId' ? s.customer : s.date));
      if (new Set(named.filter((n) => n !== undefined)).size < 2) continue;
      for (const s of order.says) {
        problems.push({
          row: s.row,
          column: where(field),
          field,
          value: (field === 'customerId' ? s.customerText : s.dateText) ?? '',
          reason: 'order_conflict',
          params: { ...orderParams, field },
        });
      }
    }

    const customerId = order.customerId ?? (order.newCustomer ? 1 : undefined);
    const header: Record<string, unknown> = { ...order.header };
    const date = order.says.find((s) => s.date !== undefined)?.date;
    if (order.customerId !== undefined) header.customerId = order.customerId;
    if (date !== undefined) header.saleDate = date;
    if (Object.keys(order.custom).length) header.custom = order.custom;
    if (order.contactText !== undefined && contacts) {
      const found =
        order.customerId === undefined
          ? undefined
          : contacts.get(`${order.customerId}:${nameKey(order.contactText)}`);
      if (found !== undefined) header.contactId = found;
      else {
        problems.push({
          row: order.contactRow!,
          column: where('contactId'),
          field: 'contactId',
          value: order.contactText,
          reason: 'not_found',
        });
      }
    }
    const lines = order.lines.map((l) => {
      const line = { ...l.input };
      if (l.discount)
        line.discount = fraction && l.discount.plain ? asPercent(l.discount.value) : l.discount.value;
      return line;
    });
    const saleInput = { ...header, lines };

    // A stored sale with this order number: left alone, or made anyway under the app's number.
    const existing = order.code === undefined ? undefined : stored.get(codeKey(order.code));
    if (problems.length === 0 && existing !== undefined && options.duplicates === 'skip') {
      plan.counts.duplicate++;
      emit({ rows, action: 'skip', targetId: existing });
      return;
    }

    // The channel's own check, as the door runs it (a customer to be created has a placeholder);
    // a field with a problem of its own already is not told twice.
    const told = new Set(problems.map((p) => (isHeader(p.field) ? p.field : `${p.row}:${p.field}`)));
    const checked = createSchema.safeParse(
      customerId === undefined ? saleInput : { ...saleInput, customerId },
    );
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const data = fromZodIssue(issue, saleInput);
        const path = (data.field ?? '').split('.');
        const atLine = path[0] === 'lines' && path.length > 2;
        const key = atLine ? path[2]! : path[0]!;
        const row = atLine ? order.lines[Number(path[1])]!.row : rows[0]!;
        if (told.has(atLine ? `${row}:${key}` : key)) continue;
        told.add(atLine ? `${row}:${key}` : key);
        problems.push({
          row,
          column: where(key),
          field: key,
          value: atLine ? (order.lines[Number(path[1])]!.texts[key] ?? '') : '',
          reason: data.reason ?? 'invalid_value',
          ...(data.params || data.limit !== undefined
            ? { params: { ...data.params, ...(data.limit !== undefined ? { limit: data.limit } : {}) } }
            : {}),
        });
      }
    }

    if (problems.length) {
      // The rows without a problem of their own go back with the order, saying where its problem is.
      const withProblem = new Set(problems.map((p) => p.row));
      const first = Math.min(...withProblem);
      for (const row of rows) {
        if (withProblem.has(row)) continue;
        problems.push({
          row,
          column: where('code'),
          field: 'code',
          value: order.code ?? '',
          reason: 'order_rejected',
          params: { ...orderParams, row: first },
        });
      }
      plan.problems.push(...problems.sort((a, b) => a.row - b.row));
      plan.counts.rejected++;
      emit({ rows, action: 'reject' });
      return;
    }

    if (order.newCustomer && !plannedCustomers.has(order.newCustomer.key)) {
      plannedCustomers.add(order.newCustomer.key);
      plan.newCustomers.push(order.newCustomer);
    }
    plan.counts.new++;
    emit({
      rows,
      action: 'create',
      // What the channel's schema made of it, as the door writes what it parsed.
      input: checked.data as Record<string, unknown>,
      // A number a stored sale has (a duplicate made anyway) is left to the app to give.
      ...(order.code !== undefined && existing === undefined ? { code: order.code } : {}),
      ...(order.newCustomer
        ? { newCustomer: { key: order.newCustomer.key, name: order.newCustomer.name } }
        : {}),
    });
  };

  const orders = new Map<string, Order>();
  for await (const row of input.rows('check')) {
    const problems: PlanProblem[] = [];
    const say: RowSay = { row: row.row };
    const values: Record<string, unknown> = {};
    const custom: Record<string, FieldValue> = {};
    const line: OrderLine = { row: row.row, input: {}, texts: {} };
    let code: string | undefined;
    let customerText: string | undefined;
    let contactText: string | undefined;

    for (const [key, t] of targets) {
      const { column, text } = textOf(row, key, t);
      if (text === '') continue;
      const problem = (reason: ValidationReason, params?: Record<string, string | number>) =>
        problems.push(cellProblem(row.row, t, headers, column, text, reason, params));
      if (key === 'saleDate') say.dateText = text;
      if (t.field.role === 'line') line.texts[key] = text;
      if (key === 'customerId') {
        customerText = text;
        continue;
      }
      if (key === 'contactId') {
        contactText = text;
        continue;
      }
      if (key === 'productId') {
        const id = products.byCode.get(codeKey(text)) ?? products.byName.get(nameKey(text));
        if (id === undefined) problem('not_found');
        else if (products.inactive.has(id)) problem('inactive');
        else line.input.productId = id;
        continue;
      }
      if (key === 'discount') {
        const read = parseDiscount(text);
        if (!read.ok) problem(read.reason, read.params);
        else line.discount = { value: read.value, plain: PLAIN.test(text.normalize('NFKC')) };
        continue;
      }
      const read = readCell(t.field, text, cellCtx, column === undefined ? undefined : row.kinds?.[column]);
      if (!read.ok) {
        problem(read.reason, read.params);
        continue;
      }
      if (key === 'code') code = String(read.value);
      else if (t.field.role === 'line') line.input[key] = read.value;
      else if (t.field.customFieldId !== undefined) custom[String(t.field.customFieldId)] = read.value;
      else values[key] = read.value;
    }

    const orderKey = keyOf(row);
    let order = orders.get(orderKey);
    if (!order) {
      order = { says: [], header: {}, custom: {}, lines: [], problems: [] };
      if (code !== undefined) order.code = code;
      orders.set(orderKey, order);
    }

    // The order's customer: by code, else by name; else one the import creates, or a reason.
    if (customerText !== undefined) {
      say.customerText = customerText;
      const found =
        customers.byCode.get(codeKey(customerText)) ?? customers.byName.get(nameKey(customerText));
      if (found !== undefined) {
        say.customer = `id:${found}`;
        order.customerId ??= found;
      } else {
        say.customer = `new:${nameKey(customerText)}`;
        if (options.missingLinks === 'create') {
          order.newCustomer ??= { key: nameKey(customerText), name: customerText, row: row.row };
        } else {
          problems.push({
            row: row.row,
            column: where('customerId'),
            field: 'customerId',
            value: customerText,
            reason: 'not_found',
          });
        }
      }
    }
    if (typeof values.saleDate === 'string') say.date = values.saleDate;
    delete values.saleDate;
    if (contactText !== undefined && order.contactText === undefined) {
      order.contactText = contactText;
      order.contactRow = row.row;
    }
    // Other header fields: the first row that fills one gives it.
    for (const [k, v] of Object.entries(values)) if (!(k in order.header)) order.header[k] = v;
    for (const [k, v] of Object.entries(custom)) if (!(k in order.custom)) order.custom[k] = v;
    order.says.push(say);
    order.lines.push(line);
    order.problems.push(...problems);
    // Its last row read, the order is planned and let go.
    const left = remaining.get(orderKey)! - 1;
    if (left > 0) remaining.set(orderKey, left);
    else {
      remaining.delete(orderKey);
      orders.delete(orderKey);
      finish(order);
    }
  }

  // Held, the sales are in the order their first rows have in the file.
  plan.actions.sort((x, y) => x.rows[0]! - y.rows[0]!);
  return plan;
}
