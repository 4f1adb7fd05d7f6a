import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cents,
  contactCreateInput,
  discountPercent,
  expenseCreateInput,
  fromZodIssue,
  isoDate,
  quantity,
} from '../../src-main/contract';
import { en } from '../../src-renderer/i18n/en';
import { zhCN } from '../../src-renderer/i18n/zh-CN';
import { reasonText } from '../../src-renderer/lib/errors';

/** The first issue of `value` against `schema`, as the door and the forms report it. */
function reasonOf(schema: z.ZodType, value: unknown) {
  const input = { v: value };
  const result = z.object({ v: schema }).safeParse(input);
  if (result.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return fromZodIssue(result.error.issues[0]!, input);
}

beforeAll(async () => {
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    interpolation: { escapeValue: false },
  });
});

const zh = (schema: z.ZodType, value: unknown) =>
  reasonText(i18n.getFixedT('zh-CN'), reasonOf(schema, value));
const english = (schema: z.ZodType, value: unknown) =>
  reasonText(i18n.getFixedT('en'), reasonOf(schema, value));

describe('a refused value says what to type instead', () => {
  it('letters where a number belongs', () => {
    expect(reasonOf(quantity, '十二')).toMatchObject({
      reason: 'invalid_type',
      params: { format: 'number' },
    });
    expect(zh(quantity, 'abc')).toBe('请输入数字，例如 12.5');
    expect(english(cents, '十二元')).toBe('Enter a number, e.g. 12.5');
  });

  it('a quantity that must be more than zero, not "at least 0"', () => {
    expect(reasonOf(quantity, -5)).toMatchObject({
      reason: 'too_small',
      limit: 0,
      params: { format: 'exclusive' },
    });
    expect(zh(quantity, -5)).toBe('必须大于 0');
    expect(zh(quantity, 0)).toBe('必须大于 0');
  });

  it('a price below zero and a discount above 100 %', () => {
    expect(zh(cents, -10_000)).toBe('不能小于 0');
    expect(zh(discountPercent, 150)).toBe('不能大于 100');
  });

  it('too many decimals, in the unit the user typed', () => {
    // 12.345 yuan reaches the door as 1234.5 cents.
    expect(reasonOf(cents, 1234.5)).toMatchObject({
      reason: 'invalid_format',
      params: { format: 'decimals' },
    });
    expect(zh(cents, 1234.5)).toBe('最多 2 位小数');
    expect(zh(quantity, 1.2345)).toBe('最多 3 位小数');
    expect(english(discountPercent, 10.555)).toBe('At most 2 decimal places');
  });

  it('a date that is not one, typed any way', () => {
    for (const typed of ['2026/13/45', '2026-02-30', '明天', '2026-1-5']) {
      expect(reasonOf(isoDate, typed)).toMatchObject({
        reason: 'invalid_format',
        params: { format: 'date' },
      });
      expect(zh(isoDate, typed)).toBe('不是有效的日期，请按 2026-11-22 的格式输入');
    }
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
  });

  it('an expense of zero and an email without a domain', () => {
    const expense = expenseCreateInput.safeParse({ expenseDate: '2026-11-02', categoryId: 1, amount: 0 });
    expect(expense.success).toBe(false);
    const issue = fromZodIssue(expense.error!.issues[0]!, {});
    expect(reasonText(i18n.getFixedT('zh-CN'), issue)).toBe('必须大于 0');

    const contact = contactCreateInput.safeParse({ customerId: 1, name: '王芳', email: 'wang@' });
    expect(contact.success).toBe(false);
    const emailIssue = fromZodIssue(contact.error!.issues[0]!, {});
    expect(emailIssue.field).toBe('email');
    expect(reasonText(i18n.getFixedT('zh-CN'), emailIssue)).toContain('不是有效的邮箱地址');
  });

  it('a reason without a sentence of its own falls back to the plain one', () => {
    expect(zh(z.boolean(), 'yes')).toBe('格式不对');
  });
});
