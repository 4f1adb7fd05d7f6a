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
 * Memory: every order's key, rows and line inputs are held until the file is read (the discount
 * column is judged on all of it, and an order's rows may be anywhere), so the plan grows with the
 * file's sales, not with its cells.
 */
import type { z } from 'zod';
import { channels, fromZodIssue, type ValidationReason } from '../contract';
import { AppError } from '../db/errors';
import { listBaseItems } from '../records/base-data';
import type { HandlerContext } from '../records/context';
import { codeKey, nameKey } from './duplicates';
import {
  columnName,
  mappedTargets,
  type LikelyDuplicate,
  type PlanCounts,
  type PlanInput,
  type PlanProblem,
} from './plan';
import { contactLookup, customerLookup, productLookup, saleCodes } from './plan-index';
import { baseLookup, readCell, unquoteExported, type CellContext, type FieldValue } from './plan-values';
import { parseDiscount } from './values-number';

export type SalesPlanInput = Omit<PlanInput, 'kind'> & { kind: 'sales' };

/**
 * What the import does with one order. `input` is the `sales.create` input with its lines;
 * `code` the file's order number, kept as the sale's; `newCustomer` the key of a customer the
 * import creates first (SalesPlan.newCustomers); `targetId` the stored sale a skipped one is.
 */
export interface PlannedSale {
  /** The file rows of the order, in file order; the first is where the order begins. */
  rows: number[];
  action: 'create' | 'skip' | 'reject';
  input?: Record<string, unknown>;
  code?: string;
  newCustomer?: string;
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
 * `fraction`: the column's plain discounts are fractions (see the module's note) — every one in
 * [0, 1] and one at least strictly between.
 */
function discountIsFraction(orders: Iterable<Order>): boolean {
  let between = false;
  for (const o of orders) {
    for (const l of o.lines) {
      if (!l.discount?.plain) continue;
      if (l.discount.value > 1 || l.discount.value < 0) return false;
      if (l.discount.value > 0 && l.discount.value < 1) between = true;
    }
  }
  return between;
}

/** A fraction as percent, exactly to the 4th decimal of the fraction (0.05 → 5, not 5.000…1). */
const asPercent = (fraction: number) => Math.round(fraction * 1_000_000) / 10_000;

export async function planSales(ctx: HandlerContext, input: SalesPlanInput): Promise<SalesPlan> {
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

  const orders = new Map<string, Order>();
  for await (const row of input.rows) {
    const problems: PlanProblem[] = [];
    const say: RowSay = { row: row.row };
    const values: Record<string, unknown> = {};
    const custom: Record<string, FieldValue> = {};
    const line: OrderLine = { row: row.row, input: {}, texts: {} };
    let code: string | undefined;
    let customerText: string | undefined;
    let contactText: string | undefined;

    for (const [key, t] of targets) {
      let column = t.columns.find((c) => (row.cells[c] ?? '') !== '');
      let text = column === undefined ? '' : row.cells[column]!;
      if (text === '' && input.fixed?.[key] !== undefined) text = input.fixed[key].trim();
      if (text === '') continue;
      text = unquoteExported(text);
      const problem = (reason: ValidationReason, params?: Record<string, string | number>) => {
        column ??= t.columns[0];
        problems.push({
          row: row.row,
          column: column === undefined ? t.field.label.zh : headers[column]!,
          field: key,
          value: text,
          reason,
          ...(params ? { params } : {}),
        });
      };
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

    const orderKey = code === undefined ? `row:${row.row}` : `code:${codeKey(code)}`;
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
  }

  const fraction = discountIsFraction(orders.values());
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

  for (const order of orders.values()) {
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
      plan.actions.push({ rows, action: 'skip', targetId: existing });
      continue;
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
      plan.actions.push({ rows, action: 'reject' });
      continue;
    }

    if (order.newCustomer && !plannedCustomers.has(order.newCustomer.key)) {
      plannedCustomers.add(order.newCustomer.key);
      plan.newCustomers.push(order.newCustomer);
    }
    plan.counts.new++;
    plan.actions.push({
      rows,
      action: 'create',
      input: saleInput,
      // A number a stored sale has (a duplicate made anyway) is left to the app to give.
      ...(order.code !== undefined && existing === undefined ? { code: order.code } : {}),
      ...(order.newCustomer ? { newCustomer: order.newCustomer.key } : {}),
    });
  }
  return plan;
}
