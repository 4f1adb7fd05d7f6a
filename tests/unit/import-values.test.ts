import fc from 'fast-check';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate } from '../../src-main/contract/dates';
import {
  detectDayMonthOrder,
  excelSerialDate,
  looksLikeSerialColumn,
  parseDate,
  parseDateTime,
} from '../../src-main/import/values-date';
import { parseDiscount, parseMoney, parseNumber, parsePercent } from '../../src-main/import/values-number';
import {
  isFormulaLike,
  normaliseKey,
  parseBoolean,
  parseCode,
  parsePhone,
  toHalfWidth,
  valueProblems,
  type ValueResult,
} from '../../src-main/import/values';
import { en } from '../../src-renderer/i18n/en';
import { zhCN } from '../../src-renderer/i18n/zh-CN';
import { reasonText } from '../../src-renderer/lib/errors';

// Seeded, so a run is repeatable; a failure prints the case and its path.
fc.configureGlobal({ seed: 20_240_305, numRuns: 200 });

const refused = (problem: { reason: string; params?: object }) => ({ ok: false, ...problem });
const valueOf = <T>(r: ValueResult<T>) => (r.ok ? r.value : r);

/** ASCII made full-width, as a Chinese input method types it: 2024 → ２０２４, a space → U+3000. */
const fullWidth = (s: string) =>
  s.replace(/[!-~ ]/g, (ch) => (ch === ' ' ? '\u3000' : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));

const pad = (n: number | string) => String(n).padStart(2, '0');

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年03月05日', '2024-03-05'],
    ['2024年3月5号', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['２０２４／３／５', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['13/3/2024', '2024-03-13'],
    ['3/13/2024', '2024-03-13'],
    ['5/5/2024', '2024-05-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['2024/3/5 14:30', '2024-03-05'],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text)).toEqual({ ok: true, value: date });
  });

  it.each([
    ['2026/13/45', 'month 13, day 45'],
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'not a leap year either, whatever Excel says'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-00-10', 'month 0'],
    ['2024-3/5', 'two separators'],
    ['5/3/24', 'a two-digit year: which century is a guess'],
    ['0024-03-05', 'a year before 1000 is a typo'],
    ['明天', 'not a date'],
    ['2024-03-05T10:00:00Z', 'a time zone: the local date would be a guess'],
    ['2024/3/5 25:00', 'no hour 25'],
    ['2024/3/5 13:30 PM', '13 PM'],
    ['45356', 'a bare number, unless the column holds serials'],
    ['', 'an empty cell is the caller’s'],
  ])('%s is refused (%s), never rolled over or replaced by today', (text) => {
    expect(parseDate(text)).toEqual(refused(valueProblems.date));
  });

  it('says 5/3/2024 and 05-03-2024 are ambiguous without an order, and reads them with one', () => {
    for (const text of ['5/3/2024', '05-03-2024', '5.3.2024']) {
      expect(parseDate(text)).toEqual(refused(valueProblems.ambiguousDate));
      expect(parseDate(text, { order: 'dmy' })).toEqual({ ok: true, value: '2024-03-05' });
      expect(parseDate(text, { order: 'mdy' })).toEqual({ ok: true, value: '2024-05-03' });
    }
  });

  it('keeps to the column’s order: a value that contradicts it is refused, not swapped', () => {
    expect(parseDate('3/13/2024', { order: 'dmy' })).toEqual(refused(valueProblems.date));
    expect(parseDate('13/3/2024', { order: 'mdy' })).toEqual(refused(valueProblems.date));
    expect(parseDate('2024-03-05', { order: 'mdy' })).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('refuses with the reason the forms use, in both languages', async () => {
    await i18n.init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    const sentence = (lng: string, r: ValueResult<unknown>) => {
      if (r.ok) throw new Error('accepted');
      return reasonText(i18n.getFixedT(lng), r);
    };
    expect(sentence('zh-CN', parseDate('2026/13/45'))).toBe('不是有效的日期，请按 2026-11-22 的格式输入');
    expect(sentence('en', parseMoney('十二元'))).toBe('Enter a number, e.g. 12.5');
    expect(sentence('zh-CN', parseMoney('12.345'))).toBe('最多 2 位小数');
    expect(sentence('zh-CN', parseDateTime('2024-03-05 25:00'))).toBe(
      zhCN.validation.invalid_format_date_time,
    );
  });
});

describe('Excel serial numbers (1900 date system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45292, '2024-01-01'],
    [45356, '2024-03-05'],
    [2_958_465, '9999-12-31'],
  ])('serial %s is %s', (serial, date) => {
    expect(excelSerialDate(serial)).toBe(date);
    expect(parseDate(String(serial), { serial: true })).toEqual({ ok: true, value: date });
  });

  it('refuses serial 60, the 29 February 1900 that Excel counts and the calendar does not', () => {
    expect(excelSerialDate(60)).toBeNull();
    expect(parseDate('60', { serial: true })).toEqual(refused(valueProblems.date));
  });

  it.each([0, 2_958_466, 1.5])('refuses serial %s', (serial) => {
    expect(excelSerialDate(serial)).toBeNull();
  });

  it('reads a fraction of a day as the time, to the minute', () => {
    expect(parseDateTime('45356.5', { serial: true })).toEqual({ ok: true, value: '2024-03-05T12:00' });
    // 14:30 as Excel stores it, a hair under the minute.
    expect(parseDateTime('45356.6041666666', { serial: true })).toEqual({
      ok: true,
      value: '2024-03-05T14:30',
    });
    expect(parseDateTime('45356.99999999', { serial: true })).toEqual({
      ok: true,
      value: '2024-03-06T00:00',
    });
    expect(parseDate('45356.75', { serial: true })).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('still reads written dates in a serial column', () => {
    expect(parseDate('2024/3/5', { serial: true })).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseDate('20240305', { serial: true })).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('looksLikeSerialColumn: every filled cell a serial, and at least one', () => {
    expect(looksLikeSerialColumn(['45356', '', '45357.25'])).toBe(true);
    expect(looksLikeSerialColumn(['45356', '2024-03-05'])).toBe(false);
    expect(looksLikeSerialColumn(['0'])).toBe(false);
    expect(looksLikeSerialColumn(['3000000'])).toBe(false);
    expect(looksLikeSerialColumn(['', ''])).toBe(false);
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2024-03-05 14:30', '2024-03-05T14:30'],
    ['2024-03-05T14:30', '2024-03-05T14:30'],
    ['2024/3/5 9:05', '2024-03-05T09:05'],
    ['2024-03-05 14:30:59', '2024-03-05T14:30'],
    ['2024-03-05 14:30:59.123', '2024-03-05T14:30'],
    ['2024年3月5日 14:30', '2024-03-05T14:30'],
    ['2024年3月5日14:30', '2024-03-05T14:30'],
    ['2024/3/5 下午2:30', '2024-03-05T14:30'],
    ['2024/3/5 上午12:10', '2024-03-05T00:10'],
    ['13/3/2024 2:30 PM', '2024-03-13T14:30'],
    ['13/3/2024 12:00 pm', '2024-03-13T12:00'],
    ['２０２４－０３－０５　１４：３０', '2024-03-05T14:30'],
    ['2024-03-05', '2024-03-05T00:00'],
  ])('%s → %s', (text, value) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value });
  });

  it.each([
    '2024-03-05 24:00',
    '2024-03-05 14:60',
    '2024-03-05 14:30:60',
    '2024-02-30 10:00',
    '14:30',
    '2024/3/5 下午2:30 PM',
  ])('%s is refused as a date and time', (text) => {
    expect(parseDateTime(text)).toEqual(refused(valueProblems.dateTime));
  });

  it('asks for the order of 5/3/2024 10:00 too', () => {
    expect(parseDateTime('5/3/2024 10:00')).toEqual(refused(valueProblems.ambiguousDate));
    expect(parseDateTime('5/3/2024 10:00', { order: 'mdy' })).toEqual({
      ok: true,
      value: '2024-05-03T10:00',
    });
  });
});

describe('detectDayMonthOrder', () => {
  it.each([
    [['13/3/2024', '5/3/2024'], 'dmy'],
    [['3/13/2024', '5/3/2024'], 'mdy'],
    [['05-03-2024', '31-12-2024 10:00'], 'dmy'],
    [['13/3/2024', '3/13/2024'], 'inconsistent'],
    [['5/3/2024', '6/3/2024', ''], 'ambiguous'],
    [['2024-03-05', '2024/3/6', '5/5/2024', ''], 'none'],
    [[], 'none'],
  ])('%j → %s', (values, order) => {
    expect(detectDayMonthOrder(values)).toBe(order);
  });
});

describe('dates round trip in every accepted form (1900–2100)', () => {
  const first = '1900-01-01';
  const anyDate = fc.integer({ min: 0, max: daysBetween(first, '2100-12-31') }).map((n) => addDays(first, n));
  const parts = (d: string) => {
    const [y, m, day] = d.split('-') as [string, string, string];
    return { y, m: String(Number(m)), d: String(Number(day)), mm: m, dd: day };
  };
  const forms: [string, (d: string) => string, Parameters<typeof parseDate>[1]?][] = [
    ['ISO', (d) => d, undefined],
    ['y/m/d', (d) => `${parts(d).y}/${parts(d).m}/${parts(d).d}`, undefined],
    ['y-m-d', (d) => `${parts(d).y}-${parts(d).m}-${parts(d).d}`, undefined],
    ['y.m.d', (d) => `${parts(d).y}.${parts(d).m}.${parts(d).d}`, undefined],
    ['年月日', (d) => `${parts(d).y}年${parts(d).m}月${parts(d).d}日`, undefined],
    ['年月号, padded', (d) => `${parts(d).y}年${parts(d).mm}月${parts(d).dd}号`, undefined],
    ['compact', (d) => d.replace(/-/g, ''), undefined],
    ['full-width', (d) => fullWidth(d), undefined],
    ['with a time', (d) => `${d} 23:59:59`, undefined],
    ['d/m/y', (d) => `${parts(d).d}/${parts(d).m}/${parts(d).y}`, { order: 'dmy' }],
    ['dd-mm-yyyy', (d) => `${parts(d).dd}-${parts(d).mm}-${parts(d).y}`, { order: 'dmy' }],
    ['m/d/y', (d) => `${parts(d).m}/${parts(d).d}/${parts(d).y}`, { order: 'mdy' }],
  ];

  it.each(forms)('%s', (_name, format, options) => {
    fc.assert(
      fc.property(anyDate, (d) => {
        expect(parseDate(format(d), options)).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('Excel serials, from 1900-03-01 on', () => {
    const afterLeapBug = anyDate.filter((d) => d >= '1900-03-01');
    fc.assert(
      fc.property(afterLeapBug, (d) => {
        const serial = daysBetween('1899-12-30', d);
        expect(parseDate(String(serial), { serial: true })).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('date-times, to the minute', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (d, h, m) => {
        const value = `${d}T${pad(h)}:${pad(m)}`;
        expect(parseDateTime(`${d} ${h}:${pad(m)}`)).toEqual({ ok: true, value });
        expect(parseDateTime(value)).toEqual({ ok: true, value });
      }),
    );
  });

  it('a day that is not in the calendar is refused, never rolled into the next month', () => {
    const parts = fc.tuple(
      fc.integer({ min: 1900, max: 2100 }),
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: 0, max: 40 }),
    );
    fc.assert(
      fc.property(parts, ([y, m, d]) => {
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        const result = parseDate(`${y}/${m}/${d}`);
        expect(result).toEqual(isCalendarDate(iso) ? { ok: true, value: iso } : refused(valueProblems.date));
      }),
    );
  });
});

describe('parseNumber and parseMoney', () => {
  it.each([
    ['1,234.50', 1234.5, 123_450],
    ['1,234,567', 1_234_567, 123_456_700],
    ['１，２３４．５０', 1234.5, 123_450],
    ['1 234.5', 1234.5, 123_450],
    ['+5', 5, 500],
    ['－５', -5, -500],
    ['\u22125', -5, -500],
    ['.5', 0.5, 50],
    ['0.29', 0.29, 29],
    ['1.38E+10', 13_800_000_000, 1_380_000_000_000],
    ['1.5e-1', 0.15, null],
  ])('%s is %s, and %s cents as money', (text, n, cents) => {
    expect(parseNumber(text)).toEqual({ ok: true, value: n });
    if (cents !== null) expect(parseMoney(text)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ['¥1,234.50', 123_450],
    ['￥1,234.50', 123_450],
    ['$1,000,000.00', 100_000_000],
    ['12元', 1_200],
    ['１２元', 1_200],
    ['RMB 100', 10_000],
    ['100 CNY', 10_000],
    ['-¥12', -1_200],
    ['¥-12', -1_200],
    ['12.30', 1_230],
    ['12.3000', 1_230],
  ])('money %s → %s cents', (text, cents) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: cents });
  });

  it.each([
    '十二元',
    '十二',
    'abc',
    '12,5',
    '1,23,456',
    '1.2.3',
    '--5',
    '-¥-12',
    '¥',
    '',
    '12 件',
    '1e99999',
  ])('%s is not a number', (text) => {
    expect(parseMoney(text)).toEqual(refused(valueProblems.number));
    expect(parseNumber(text)).toEqual(refused(valueProblems.number));
  });

  it('refuses a third decimal of money rather than round it away', () => {
    expect(parseMoney('12.345')).toEqual(
      refused({ reason: 'invalid_format', params: { format: 'decimals', places: 2 } }),
    );
    expect(parseMoney('12.340')).toEqual({ ok: true, value: 1_234 });
  });

  it('leaves negative money to the field’s schema (cents ≥ 0), which refuses it', () => {
    expect(valueOf(parseMoney('-100'))).toBe(-10_000);
  });

  it('money in cents round trips through the ways a sheet writes it', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000_000_000 });
    const yuan = (c: number) => `${Math.floor(c / 100)}.${pad(c % 100)}`;
    const grouped = (c: number) => `${Math.floor(c / 100).toLocaleString('en-US')}.${pad(c % 100)}`;
    fc.assert(
      fc.property(cents, (c) => {
        for (const text of [
          yuan(c),
          grouped(c),
          `¥${grouped(c)}`,
          `${yuan(c)}元`,
          fullWidth(`￥${grouped(c)}`),
        ])
          expect(parseMoney(text)).toEqual({ ok: true, value: c });
      }),
    );
  });

  it('any number round trips through JavaScript’s own writing of it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = parseNumber(String(x));
        expect(r.ok && r.value === x).toBe(true);
      }),
    );
  });
});

describe('parsePercent and parseDiscount (percent off, as sale lines keep it)', () => {
  it.each([
    ['85%', 85],
    ['８５％', 85],
    ['85 %', 85],
    ['0.5%', 0.5],
    ['30', 30],
  ])('percent %s → %s', (text, value) => {
    expect(parsePercent(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['15%', 15],
    ['15', 15],
    ['8.5折', 15],
    ['85折', 15],
    ['９折', 10],
    ['95折', 5],
    ['7.25折', 27.5],
    ['10折', 0],
    ['0折', 100],
  ])('discount %s → %s %% off', (text, value) => {
    expect(parseDiscount(text)).toEqual({ ok: true, value });
  });

  it.each(['120折', '-1折', '八五折', '折', '8.5.5折'])('discount %s is refused', (text) => {
    expect(parseDiscount(text)).toEqual(refused(valueProblems.number));
  });
});

describe('codes and phone numbers stay text', () => {
  it.each([
    ['0571-88886666', '0571-88886666'],
    ['007', '007'],
    ['００７', '007'],
    ['０５７１－８８８８６６６６', '0571-88886666'],
    ['（０５７１）８８８８６６６６', '(0571)88886666'],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['Ｃ０００１', 'C0001'],
    ['12E3', '12E3'],
    ['①号楼', '①号楼'],
  ])('%s → %s', (text, value) => {
    expect(parsePhone(text)).toEqual({ ok: true, value });
    expect(parseCode(text)).toEqual({ ok: true, value });
  });

  it.each(['1.38001E+10', '1.38E+10', '8.61380E+12', '１．３８００１Ｅ＋１０', '5E+15'])(
    '%s lost its digits in Excel and is refused, not stored',
    (text) => {
      expect(parsePhone(text)).toEqual(refused(valueProblems.digitsLost));
    },
  );

  it('turns only full-width ASCII and the ideographic space half-width', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          expect(toHalfWidth(fullWidth(s))).toBe(s);
        },
      ),
    );
  });
});

describe('isFormulaLike', () => {
  it.each([
    ['=1+1', true],
    ['=HYPERLINK("http://x","点我")', true],
    ['+cmd|" /C calc"!A0', true],
    ['-2+3+cmd|" /C calc"!A0', true],
    ['@SUM(A1:A2)', true],
    ['\tx', true],
    ['\rx', true],
    ['+86 138-0013-8000', false],
    ['-5', false],
    ['-', false],
    ['(0571) 8888-6666', false],
    ['北京华信', false],
    ['a=b', false],
  ])('%j → %s', (text, formula) => {
    expect(isFormulaLike(text)).toBe(formula);
  });

  it('always warns of = and @ first', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '@'), fc.string(), (first, rest) => {
        expect(isFormulaLike(first + rest)).toBe(true);
      }),
    );
  });
});

describe('normaliseKey and parseBoolean', () => {
  it.each([
    ['  VIP客户 ', 'vip客户'],
    ['ＶＩＰ客户', 'vip客户'],
    ['Key   Account', 'key account'],
    ['重要\u3000客户', '重要 客户'],
  ])('%j → %j', (text, key) => {
    expect(normaliseKey(text)).toBe(key);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normaliseKey(normaliseKey(s))).toBe(normaliseKey(s));
      }),
    );
  });

  it('does not care for width, case or spacing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcXYZ 09客户-') }), (s) => {
        expect(normaliseKey(` ${fullWidth(s.toUpperCase())}  `)).toBe(normaliseKey(s));
      }),
    );
  });

  it.each([
    ['是', true],
    ['Y', true],
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['√', true],
    ['１', true],
    ['否', false],
    ['N', false],
    ['False', false],
    ['0', false],
    ['×', false],
  ])('%s → %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });

  it.each(['x', 'maybe', '2', ''])('%j is not yes or no', (text) => {
    expect(parseBoolean(text)).toEqual(refused(valueProblems.choice));
  });
});
