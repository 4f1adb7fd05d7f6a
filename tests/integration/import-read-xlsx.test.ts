import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSheets } from '../../src-main/import/read-xlsx';
import { openImportSource, previewImportSource } from '../../src-main/import/source';
import { formatKind, plainNumber, serialToIso, serialToTime } from '../../src-main/import/xlsx-cells';
import { makeTempDir } from '../helpers/db';
import { importFixture, readImportFile, refusal, sha256 } from '../helpers/import-files';
import { workbookParts, writeZip } from '../helpers/zip-writer';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('solo-crm-import-');
});
afterEach(() => tmp.remove());

const at = (name: string) => path.join(tmp.dir, name);

const read = readImportFile;

describe('cells', () => {
  it('turns serial numbers into dates the way Excel shows them, in any time zone', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBe('1900-02-29'); // Lotus 1-2-3's day, kept by Excel
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45356)).toBe('2024-03-05');
    expect(serialToIso(45356.5)).toBe('2024-03-05 12:00:00');
    expect(serialToIso(45356.604166666664)).toBe('2024-03-05 14:30:00');
    expect(serialToIso(45356.99999999)).toBe('2024-03-06'); // rounds to the second
    expect(serialToIso(0)).toBeNull(); // "1900-01-00"
    expect(serialToIso(-1)).toBeNull();
    expect(serialToIso(3_000_000)).toBeNull(); // past 9999-12-31
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(43894, true)).toBe('2024-03-05');
    expect(serialToTime(0.5625)).toBe('13:30:00');
    expect(serialToTime(45356.25)).toBe('06:00:00');
  });

  it('tells date, time and number formats apart, the Chinese built-ins included', () => {
    expect(formatKind(14, undefined)).toBe('date');
    expect(formatKind(31, undefined)).toBe('date'); // yyyy"年"m"月"d"日"
    expect(formatKind(57, undefined)).toBe('date'); // yyyy"年"m"月"
    expect(formatKind(20, undefined)).toBe('time');
    expect(formatKind(55, undefined)).toBe('time'); // 上午/下午 h"时"mm"分"
    expect(formatKind(0, undefined)).toBeNull();
    expect(formatKind(49, undefined)).toBeNull(); // @, text
    expect(formatKind(176, '[$-804]yyyy"年"m"月"d"日";@')).toBe('date');
    expect(formatKind(177, '[DBNum1][$-804]yyyy"年"m"月"')).toBe('date');
    expect(formatKind(178, 'yyyy/m/d h:mm')).toBe('date');
    expect(formatKind(179, 'h:mm AM/PM')).toBe('time');
    expect(formatKind(180, 'mmm')).toBe('date');
    expect(formatKind(181, '[h]:mm:ss')).toBeNull(); // a duration
    expect(formatKind(182, '#,##0.00"元";[Red]-#,##0.00"元"')).toBeNull();
    expect(formatKind(183, '0_ ')).toBeNull();
    expect(formatKind(184, '0.00E+00')).toBeNull();
    expect(formatKind(185, 'General')).toBeNull();
  });

  it('writes numbers as plain decimals at Excel precision', () => {
    expect(plainNumber(13800138000)).toBe('13800138000');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2.5e-10)).toBe('-0.00000000025');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(110101199003070000)).toBe('110101199003070000'); // an ID number Excel already rounded
    expect(plainNumber(1234.5)).toBe('1234.5');
  });
});

describe('workbooks', () => {
  it('reads dates, serial numbers, phone numbers, a formula and a merged header from the fixture', async () => {
    const file = importFixture('dates-serial.xlsx');
    const before = sha256(file);
    const { source, rows } = await read(file);
    expect(source).toMatchObject({
      kind: 'xlsx',
      rowUnit: 'row',
      sheets: ['客户', '联系人'],
      sheet: '客户',
      headerRow: 1,
      // 地址 is merged over F1:G1: both columns carry it.
      headers: ['客户名称', '首次联系', '签约日期', '手机', '年销售额', '地址', '地址'],
    });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['杭州西湖龙井茶业有限公司', '2024-03-05', '45356', '13800138000', '120000', '浙江省', '杭州市'],
      ['张喆', '2023-12-31 09:30:00', '45291', '13912345678', '30006', '上海市', '上海市'],
      ['北京朝阳镕信科技有限公司', '2000-02-29', '36585', '13700137000', '0', '北京市', '北京市'],
    ]);
    // A real date cell says so; a serial number in a plain cell is a number the value layer may read as a date.
    expect(rows[0]!.kinds).toEqual(['text', 'date', 'number', 'number', 'number', 'text', 'text']);
    expect(sha256(file)).toBe(before);
  });

  it('reads the same dates whatever the computer’s time zone', async () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const { rows } = await read(importFixture('dates-serial.xlsx'));
        expect(
          rows.map((r) => r.cells[1]),
          tz,
        ).toEqual(['2024-03-05', '2023-12-31 09:30:00', '2000-02-29']);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('lists the sheets and reads the one asked for', async () => {
    const file = importFixture('dates-serial.xlsx');
    expect((await listSheets(file)).map((s) => s.name)).toEqual(['客户', '联系人']);
    const { source, rows } = await read(file, { sheet: '联系人' });
    expect(source.headers).toEqual(['姓名', '客户名称', '职务']);
    expect(rows).toEqual([
      { row: 2, cells: ['王芳', '杭州西湖龙井茶业有限公司', '采购经理'], kinds: ['text', 'text', 'text'] },
    ]);
    expect(await refusal(openImportSource(file, { sheet: '没有' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'sheet',
      reason: 'invalid_value',
    });
  });

  it('reads booleans, errors, rich text, links, cached formula values and times', async () => {
    const { source, rows } = await read(importFixture('cell-kinds.xlsx'));
    expect(source.headers).toEqual([
      'bool',
      'error',
      'formulaError',
      'rich',
      'link',
      'noise',
      'formulaText',
      'formulaBool',
      'time',
    ]);
    expect(rows).toEqual([
      {
        row: 2,
        cells: ['TRUE', '#N/A', '#DIV/0!', '重点客户', '官网', '0.3', 'TRUEx', 'TRUE', '13:30:00'],
        kinds: ['boolean', 'error', 'error', 'text', 'text', 'number', 'text', 'boolean', 'date'],
      },
    ]);
  });

  it('stops reading quietly when the source is closed half-way', async () => {
    const file = at('long.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['名称']);
    for (let i = 0; i < 50_000; i++) ws.addRow([`客户${i}`]);
    await wb.xlsx.writeFile(file);
    const source = await openImportSource(file);
    const it = source.rows()[Symbol.asyncIterator]();
    expect((await it.next()).value).toMatchObject({ row: 2, cells: ['客户0'] });
    await source.close();
    expect((await it.next()).done).toBe(true);
  });

  it('previews a workbook: headers, first rows, sheets', async () => {
    const preview = await previewImportSource(importFixture('dates-serial.xlsx'), {}, 2);
    expect(preview).toMatchObject({ kind: 'xlsx', sheets: ['客户', '联系人'], sheet: '客户', headerRow: 1 });
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(preview.decodedSample).toBeUndefined();
  });

  it('keeps Chinese text whole where it crosses the chunks the sheet is inflated in', async () => {
    const file = at('zh.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['客户名称', '序号']);
    const name = (i: number) => `杭州市西湖区文三路客户名称${i}号有限公司`;
    for (let i = 1; i <= 20_000; i++) ws.addRow([name(i), i]);
    await wb.xlsx.writeFile(file);
    const { rows } = await read(file);
    expect(rows).toHaveLength(20_000);
    const wrong = rows.filter((r, i) => r.cells[0] !== name(i + 1) || r.cells[1] !== String(i + 1));
    expect(wrong).toEqual([]);
  });

  const sheetNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  // Styles: 0 General, 1 built-in 31 (Chinese long date), 2 a custom Chinese date, 3 a duration, 4 built-in 20 (h:mm).
  const styles =
    `<?xml version="1.0"?><styleSheet xmlns="${sheetNs}"><numFmts count="2">` +
    '<numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>' +
    '<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="20"/></cellXfs>' +
    '</styleSheet>';
  const sharedStrings =
    `<?xml version="1.0"?><sst xmlns="${sheetNs}">` +
    '<si><t>第一行_x000D_\n第二行</t></si>' +
    '<si><t>_x005F_x0041_ 不是转义</t></si>' +
    '<si><r><rPr><b/></rPr><t>漢字</t></r><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
    '</sst>';
  // Prefixed element names, rows and cells without r, an inline rich string with a phonetic
  // guide, entities and CDATA, an ISO date cell, 1904 dates, a formula never calculated, and
  // a merge whose tag is prefixed too.
  const prefixedSheet =
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${sheetNs}"><x:sheetData>` +
    '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>客户</x:t></x:r><x:r><x:t>名称</x:t></x:r><x:rPh><x:t>kehu</x:t></x:rPh></x:is></x:c>' +
    '<x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve"> 签约 </x:t></x:is></x:c>' +
    '<x:c r="C2" t="inlineStr"><x:is><x:t>时长</x:t></x:is></x:c><x:c r="D2" t="inlineStr"><x:is><x:t>ISO</x:t></x:is></x:c>' +
    '<x:c r="E2" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c><x:c r="G2" t="inlineStr"><x:is><x:t>时间</x:t></x:is></x:c></x:row>' +
    '<x:row><x:c t="inlineStr"><x:is><x:t>A &amp; B &lt;公司&gt; &#x1F600;<![CDATA[<原样>]]></x:t></x:is></x:c>' +
    '<x:c s="1"><x:v>43894</x:v></x:c><x:c s="3"><x:v>1.5</x:v></x:c><x:c t="d"><x:v>2024-03-05T00:00:00</x:v></x:c>' +
    '<x:c t="s"><x:v>0</x:v></x:c><x:c><x:f>A1*2</x:f></x:c><x:c s="4"><x:v>0.75</x:v></x:c></x:row>' +
    '<x:row r="5"><x:c r="A5" t="s"><x:v>1</x:v></x:c><x:c r="B5" s="2"><x:v>0</x:v></x:c><x:c r="D5" t="d"><x:v>2024-03-05T08:15:00</x:v></x:c>' +
    '<x:c r="E5" t="s"><x:v>2</x:v></x:c><x:c r="H5"><x:v>1E+21</x:v></x:c></x:row>' +
    '<x:row r="6"><x:c r="A6" s="2"/><x:c r="B6" t="inlineStr"><x:is><x:t>  </x:t></x:is></x:c></x:row>' +
    '<x:row/>' +
    '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E2:F2"/></x:mergeCells></x:worksheet>';

  it('reads what other programs write: prefixes, inline strings, escapes, 1904 dates, missing r', async () => {
    const file = at('others.xlsx');
    writeZip(
      file,
      workbookParts({
        sheets: [
          { name: 'Lists', xml: `<worksheet xmlns="${sheetNs}"><sheetData/></worksheet>`, hidden: true },
          { name: '图表', xml: '<chartsheet/>', chart: true },
          { name: '数据', xml: prefixedSheet },
        ],
        sharedStrings,
        sharedStringsTarget: 'SharedStrings.xml', // the part is sharedStrings.xml: names are case-insensitive
        styles,
        date1904: true,
      }),
      { deflate: true },
    );
    const { source, rows } = await read(file);
    // The chart sheet is not offered; the hidden sheet is, but the first visible one is read.
    expect(source).toMatchObject({ sheets: ['Lists', '数据'], sheet: '数据', headerRow: 2 });
    expect(source.headers).toEqual(['客户名称', '签约', '时长', 'ISO', '备注', '备注', '时间']);
    expect(rows).toEqual([
      {
        row: 3,
        cells: ['A & B <公司> 😀<原样>', '2024-03-05', '1.5', '2024-03-05', '第一行\n第二行', '', '18:00:00'],
        kinds: ['text', 'date', 'number', 'date', 'text', 'empty', 'date'],
      },
      {
        row: 5,
        cells: [
          '_x0041_ 不是转义',
          '1904-01-01',
          '',
          '2024-03-05 08:15:00',
          '漢字',
          '',
          '',
          '1000000000000000000000',
        ],
        kinds: ['text', 'date', 'empty', 'date', 'text', 'empty', 'empty', 'number'],
      },
    ]);
  });

  it('reads a ZIP64 workbook, and a stored (uncompressed) one', async () => {
    const parts = workbookParts({ sheets: [{ name: 'S', xml: prefixedSheet }], sharedStrings, styles });
    for (const opts of [{ zip64: true, deflate: true }, { deflate: false }]) {
      const file = at(`s-${JSON.stringify(opts).replace(/\W/g, '')}.xlsx`);
      writeZip(file, parts, opts);
      const { source, rows } = await read(file);
      expect(source.headers[0]).toBe('客户名称');
      expect(rows).toHaveLength(2);
    }
  });

  it('refuses a workbook that is cut short, damaged or not a workbook', async () => {
    const good = fs.readFileSync(importFixture('dates-serial.xlsx'));
    const cut = at('cut.xlsx');
    fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length / 2)));
    expect(await refusal(openImportSource(cut))).toMatchObject({
      code: 'VALIDATION',
      reason: 'import_not_xlsx',
    });

    const garbage = at('garbage.xlsx');
    fs.writeFileSync(garbage, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000, 0x5a)]));
    expect(await refusal(openImportSource(garbage))).toMatchObject({ reason: 'import_not_xlsx' });

    const notBook = at('zip.xlsx');
    writeZip(notBook, [['readme.txt', 'hello']]);
    expect(await refusal(openImportSource(notBook))).toMatchObject({ reason: 'import_not_xlsx' });

    // A stored sheet with one byte changed deep in its rows: only the CRC notices, at the part's end.
    const rowsXml = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>客户${i}</t></is></c></row>`,
    ).join('');
    const sheet = `<worksheet xmlns="${sheetNs}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>${rowsXml}</sheetData></worksheet>`;
    const damaged = at('damaged.xlsx');
    writeZip(damaged, workbookParts({ sheets: [{ name: 'S', xml: sheet }] }));
    const bytes = fs.readFileSync(damaged);
    const spot = bytes.indexOf(Buffer.from('客户1500'));
    bytes[spot + 6] = '7'.charCodeAt(0);
    fs.writeFileSync(damaged, bytes);
    expect(await refusal(read(damaged))).toMatchObject({ reason: 'import_not_xlsx' });
  });

  it('refuses a workbook whose sheet is empty', async () => {
    const file = at('empty.xlsx');
    writeZip(
      file,
      workbookParts({
        sheets: [{ name: 'S', xml: `<worksheet xmlns="${sheetNs}"><sheetData/></worksheet>` }],
      }),
    );
    expect(await refusal(openImportSource(file))).toMatchObject({ reason: 'import_empty' });
  });
});
