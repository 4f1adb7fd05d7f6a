import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { collectPages, exportCells, toCsv, toXlsx, type ExportColumn } from '../../src-renderer/lib/export';

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
