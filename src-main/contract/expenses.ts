import { z } from 'zod';
import { channel } from './channel';
import {
  cents,
  id,
  idInput,
  idsInput,
  isoDate,
  LONG_TEXT_MAX,
  optionalId,
  optionalText,
  pageInput,
  sortDirection,
} from './common';
import type { DeleteResult } from './trash';

/** 费用 fields a user edits. The amount is positive cents; customer and opportunity are optional. */
export const expenseFields = {
  expenseDate: isoDate,
  categoryId: id,
  amount: cents.refine((v) => v > 0, { message: 'Must be more than zero', params: { format: 'positive' } }),
  customerId: optionalId,
  opportunityId: optionalId,
  description: optionalText(LONG_TEXT_MAX),
  ownerId: optionalId,
};

export const expenseCreateInput = z.strictObject(expenseFields);
export type ExpenseCreateInput = z.input<typeof expenseCreateInput>;

export const expenseUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(expenseFields).partial().shape,
});

export const expenseSortColumns = ['expenseDate', 'category', 'amount', 'customer', 'updatedAt'] as const;

export const expenseListInput = z.strictObject({
  customerId: id.optional(),
  opportunityId: id.optional(),
  categoryId: id.optional(),
  ownerId: id.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  sort: z
    .strictObject({ column: z.enum(expenseSortColumns), direction: sortDirection })
    .default({ column: 'expenseDate', direction: 'desc' }),
  ...pageInput,
});

export interface Expense {
  id: number;
  expenseDate: string;
  categoryId: number;
  amount: number;
  customerId: number | null;
  customerName: string | null;
  opportunityId: number | null;
  opportunityTitle: string | null;
  description: string | null;
  ownerId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ExpenseRow = Omit<Expense, 'createdAt'>;

/** A page of expenses and the total amount of everything the filter selects (not just the page). */
export interface ExpensePage {
  rows: ExpenseRow[];
  total: number;
  totalAmount: number;
  page: number;
  pageSize: number;
}

export const expenseChannels = {
  'expenses.list': channel(expenseListInput).returns<ExpensePage>(),
  'expenses.get': channel(idInput).returns<Expense>(),
  'expenses.create': channel(expenseCreateInput).returns<Expense>(),
  'expenses.update': channel(expenseUpdateInput).returns<Expense>(),
  'expenses.delete': channel(idsInput).returns<DeleteResult>(),
};
