import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SAMPLE_BYTES,
  decodeFile,
  detectEncoding,
  detectFileEncoding,
  previewText,
} from '../../src-main/import/decode';
import { openImportSource, previewImportSource, type TextEncoding } from '../../src-main/import/source';
import { makeTempDir } from '../helpers/db';
import { allRows, importFixture, readImportFile, refusal, sha256 } from '../helpers/import-files';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('solo-crm-import-');
});
afterEach(() => tmp.remove());

const write = (name: string, content: string | Buffer) => {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, content);
  return file;
};

const read = readImportFile;

describe('encoding detection', () => {
  const utf8 = Buffer.from('客户名称,电话\r\n张三,0571\r\n', 'utf8');
  const gbk = iconv.encode('客户名称,电话\r\n张三,0571\r\n', 'gbk');

  it('takes a BOM first, then strict UTF-8, else GB18030', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), false)).toEqual({
      encoding: 'utf-8',
      evidence: 'bom',
      bomLength: 3,
    });
    expect(detectEncoding(iconv.encode('\uFEFF客户', 'utf-16le'), false)).toMatchObject({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(iconv.encode('\uFEFF客户', 'utf-16be'), false)).toMatchObject({
      encoding: 'utf-16be',
      bomLength: 2,
    });
    expect(detectEncoding(utf8, false)).toMatchObject({ encoding: 'utf-8', evidence: 'utf-8' });
    expect(detectEncoding(gbk, false)).toMatchObject({ encoding: 'gb18030', evidence: 'not-utf-8' });
    expect(detectEncoding(Buffer.from('name,phone\n'), false)).toMatchObject({
      encoding: 'utf-8',
      evidence: 'ascii',
    });
  });

  it('does not count a character cut at the end of a sample against UTF-8', () => {
    const bytes = Buffer.from('a'.repeat(10) + '客户', 'utf8');
    const cut = bytes.subarray(0, 12); // 客 is 3 bytes: 2 of them are in the sample
    expect(detectEncoding(cut, true).encoding).toBe('utf-8');
    // The same bytes as a whole file end in the middle of a character: not UTF-8.
    expect(detectEncoding(cut, false).encoding).toBe('gb18030');
  });

  it('detects a UTF-8 file whose first multi-byte character straddles the sample boundary', async () => {
    const head = 'h'.repeat(SAMPLE_BYTES - 1);
    const file = write('straddle.csv', Buffer.from(`${head}\n客户,电话\n`, 'utf8'));
    expect(await detectFileEncoding(file)).toMatchObject({ encoding: 'utf-8', evidence: 'utf-8' });
    const gbkFile = write('straddle-gbk.csv', Buffer.concat([Buffer.from(`${head}\n`), gbk]));
    expect(await detectFileEncoding(gbkFile)).toMatchObject({ encoding: 'gb18030' });
  });

  it('reads past an ASCII start to the bytes that decide', async () => {
    const ascii = 'id,name\n' + '1,abc\n'.repeat(40_000); // 240 KB of ASCII before any Chinese
    const file = write('late-gbk.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('2,张三\n', 'gbk')]));
    expect(await detectFileEncoding(file)).toMatchObject({ encoding: 'gb18030', evidence: 'not-utf-8' });
    const utf8File = write('late-utf8.csv', Buffer.from(ascii + '2,张三\n', 'utf8'));
    expect(await detectFileEncoding(utf8File)).toMatchObject({ encoding: 'utf-8', evidence: 'utf-8' });
    expect(await detectFileEncoding(write('ascii.csv', ascii))).toMatchObject({ evidence: 'ascii' });
  });

  it('decodes a stream whose chunks cut characters in two, in each encoding', async () => {
    // 客户 repeated past several 64 KiB chunks, shifted by one byte so cuts fall inside characters.
    const text = 'x' + '客户名称😀,'.repeat(30_000);
    const encodings: [TextEncoding, Buffer][] = [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['gb18030', iconv.encode(text, 'gb18030')],
      ['utf-16le', iconv.encode(text, 'utf-16le')],
      ['utf-16be', iconv.encode(text, 'utf-16be')],
    ];
    for (const [encoding, bytes] of encodings) {
      const file = write(`chunks-${encoding}.txt`, bytes);
      let decoded = '';
      for await (const piece of decodeFile(file, { encoding })) decoded += piece;
      expect(decoded === text, encoding).toBe(true);
    }
  });

  it('previews the first lines decoded, and with another encoding shows what that gives', async () => {
    const file = importFixture('customers-gbk-crlf.csv');
    const preview = await previewText(file, { lines: 2 });
    expect(preview).toMatchObject({ encoding: 'gb18030', more: true });
    expect(preview.text).toBe(
      '客户名称,客户类型,电话,手机,地址\n杭州西湖龙井茶业有限公司,企业客户,0571-87654321,13800138000,浙江省杭州市西湖区龙井路1号',
    );
    const asUtf8 = await previewText(file, { encoding: 'utf-8', lines: 2 });
    expect(asUtf8).toMatchObject({
      encoding: 'utf-8',
      evidence: 'override',
      detected: { encoding: 'gb18030' },
    });
    expect(asUtf8.text).toContain('\uFFFD');
  });
});

describe('text files', () => {
  it('reads a GBK file with CRLF as Chinese Excel saves it', async () => {
    const file = importFixture('customers-gbk-crlf.csv');
    const before = sha256(file);
    const { source, rows } = await read(file);
    expect(source).toMatchObject({
      kind: 'csv',
      rowUnit: 'line',
      encoding: 'gb18030',
      detectedEncoding: 'gb18030',
      separator: ',',
      headerRow: 1,
      headers: ['客户名称', '客户类型', '电话', '手机', '地址'],
    });
    expect(rows).toEqual([
      {
        row: 2,
        cells: [
          '杭州西湖龙井茶业有限公司',
          '企业客户',
          '0571-87654321',
          '13800138000',
          '浙江省杭州市西湖区龙井路1号',
        ],
      },
      // The empty 电话 stays empty: never the previous row's value.
      { row: 3, cells: ['张喆', '个人客户', '', '13912345678', '上海市浦东新区世纪大道100号,A座'] },
      {
        row: 4,
        cells: ['北京朝阳镕信科技有限公司', '企业客户', '010-65432100', '', '北京市朝阳区建国路88号'],
      },
    ]);
    expect(sha256(file)).toBe(before);
  });

  it('reads a UTF-8 file with a BOM, the BOM not in the first header', async () => {
    const { source, rows } = await read(importFixture('customers-utf8-bom.csv'));
    expect(source).toMatchObject({ encoding: 'utf-8', encodingEvidence: 'bom' });
    expect(source.headers).toEqual(['客户名称', '客户类型', '电话', '手机', '邮箱']);
    expect(rows[1]).toEqual({
      row: 3,
      cells: ['李娜 😀', '个人客户', '', '13600136000', 'lina@example.com'],
    });
  });

  it('reads quoted separators, doubled quotes and line breaks inside quotes, and says where each row starts', async () => {
    const { source, rows } = await read(importFixture('quoted.csv'));
    expect(source.headers).toEqual(['名称', '电话', '地址', '备注']);
    expect(rows).toEqual([
      { row: 2, cells: ['甲公司, 杭州分公司', '0571-1', '西湖区 "文三路" 1号', '普通'] },
      { row: 3, cells: ['王五', '', '滨江区\n江南大道 2 号', '第一行\n第二行'] },
      // Shorter than the header: padded. Spaces around a value: trimmed.
      { row: 6, cells: ['赵六', '0571-3', '', ''] },
      { row: 7, cells: ['结尾, 无换行', '0571-4', '', '最后'] },
    ]);
  });

  it('keeps formula-looking cells exactly as text', async () => {
    const { rows } = await read(importFixture('formula.csv'));
    expect(rows.map((r) => r.cells)).toEqual([
      ['=1+2', '=HYPERLINK("http://evil.example","点我")', '-12.5'],
      ['+86 138 0013 8000', '@SUM(A1:A2)', '-2+3'],
      ["=cmd|' /C calc'!A0", '-', '+'],
    ]);
  });

  it('guesses tab and semicolon separators, and takes an override', async () => {
    const tsv = write('a.tsv', '名称\t电话\n甲, 乙\t1\n');
    expect(await read(tsv)).toMatchObject({
      source: { separator: '\t' },
      rows: [{ cells: ['甲, 乙', '1'] }],
    });
    const semi = write('b.csv', 'name;phone;city\nA;1;X\nB;2;Y\n');
    expect((await read(semi)).source.separator).toBe(';');
    const forced = await read(semi, { separator: ',' });
    expect(forced.source.headers).toEqual(['name;phone;city']);
    expect(forced.rows[0]!.cells).toEqual(['A;1;X']);
  });

  it('reads Excel "Unicode text" (UTF-16 LE with a BOM, tabs) and UTF-16 BE', async () => {
    const le = write(
      'unicode.txt',
      iconv.encode('\uFEFF客户名称\t手机\r\n张三\t13800138000\r\n', 'utf-16le'),
    );
    expect(await read(le)).toMatchObject({
      source: { encoding: 'utf-16le', separator: '\t', headers: ['客户名称', '手机'] },
      rows: [{ row: 2, cells: ['张三', '13800138000'] }],
    });
    const be = write('be.csv', iconv.encode('\uFEFF名称,电话\n李四,1\n', 'utf-16be'));
    expect((await read(be)).rows).toEqual([{ row: 2, cells: ['李四', '1'] }]);
  });

  it('reads with the encoding the user picks instead of the detected one', async () => {
    const file = write('utf8.csv', '名称,电话\n张三,1\n');
    const { source, rows } = await read(file, { encoding: 'gb18030' });
    expect(source).toMatchObject({
      encoding: 'gb18030',
      detectedEncoding: 'utf-8',
      encodingEvidence: 'override',
    });
    expect(source.headers[0]).toBe(iconv.decode(Buffer.from('名称', 'utf8'), 'gb18030'));
    expect(rows).toHaveLength(1);
  });

  it('refuses bytes that are not UTF-8 when reading as UTF-8, saying the line', async () => {
    const file = write(
      'mixed.csv',
      Buffer.concat([
        Buffer.from('名称,电话\n张三,1\n'),
        iconv.encode('李四,2\n', 'gbk'),
        Buffer.from('王五,3\n'),
      ]),
    );
    expect(await refusal(read(file, { encoding: 'utf-8' }))).toMatchObject({
      code: 'VALIDATION',
      reason: 'import_encoding',
      params: { encoding: 'utf-8', line: 3 },
    });
    // Past the first chunk: the header opens, and reading the rows refuses at the bad line.
    const late = write(
      'late.csv',
      Buffer.concat([
        Buffer.from('名称,电话\n' + '张三,1\n'.repeat(20_000)),
        iconv.encode('李四,2\n', 'gbk'),
      ]),
    );
    const source = await openImportSource(late);
    expect(source.encoding).toBe('utf-8');
    expect(await refusal(allRows(source))).toMatchObject({
      reason: 'import_encoding',
      params: { line: 20_002 },
    });
    await source.close();
    const gbkAsUtf8 = await refusal(
      openImportSource(importFixture('customers-gbk-crlf.csv'), { encoding: 'utf-8' }),
    );
    expect(gbkAsUtf8).toMatchObject({ reason: 'import_encoding', params: { line: 1 } });
  });

  it('previews a file in a wrong encoding with replacement characters instead of refusing', async () => {
    const preview = await previewImportSource(
      importFixture('customers-gbk-crlf.csv'),
      { encoding: 'utf-8' },
      2,
    );
    expect(preview).toMatchObject({ kind: 'csv', encoding: 'utf-8', detectedEncoding: 'gb18030' });
    expect(preview.headers[0]).toContain('\uFFFD');
    expect(preview.decodedSample).toContain('\uFFFD');
    const right = await previewImportSource(importFixture('customers-gbk-crlf.csv'), {}, 2);
    expect(right.rows).toHaveLength(2);
    expect(right.decodedSample!.split('\n')[0]).toBe('客户名称,客户类型,电话,手机,地址');
  });

  it('skips blank lines and rows of empty cells, keeps extra cells, and counts lines through them', async () => {
    const file = write('blank.csv', '\r\n\r\n名称,电话\r\n,,\r\n甲,1,多余,,\r\n\r\n  \t ,\r\n乙,2\r\n');
    const { source, rows } = await read(file);
    expect(source.headerRow).toBe(3);
    expect(rows).toEqual([
      { row: 5, cells: ['甲', '1', '多余'] },
      { row: 8, cells: ['乙', '2'] },
    ]);
  });

  it('refuses a quote that is never closed, or a stray quote after a quoted value, with its line', async () => {
    const open = write('open.csv', '名称,备注\n甲,"没有结束\n乙,2\n');
    const source = await openImportSource(open);
    expect(await refusal(allRows(source))).toMatchObject({ reason: 'import_quote', params: { line: 2 } });
    await source.close();
    const stray = write('stray.csv', '名称,备注\n甲,1\n"ABC"公司,2\n丙,3\n');
    const s2 = await openImportSource(stray);
    expect(await refusal(allRows(s2))).toMatchObject({ reason: 'import_quote', params: { line: 3 } });
    await s2.close();
  });

  it('reads CR-only line ends (old Mac files) and the "sep=" line Excel writes in some locales', async () => {
    const mac = write('mac.csv', '名称,备注\r甲,"一\r二"\r乙,2\r');
    expect((await read(mac)).rows).toEqual([
      { row: 2, cells: ['甲', '一\n二'] },
      { row: 4, cells: ['乙', '2'] },
    ]);
    const sep = write('sep.csv', 'sep=;\r\n名称;金额\r\n甲;1,5\r\n');
    const { source, rows } = await read(sep);
    expect(source).toMatchObject({ separator: ';', headers: ['名称', '金额'], headerRow: 2 });
    expect(rows).toEqual([{ row: 3, cells: ['甲', '1,5'] }]);
  });

  it('stops reading quietly when the source is closed half-way', async () => {
    const file = write('long.csv', '名称\n' + '甲\n'.repeat(100_000));
    const source = await openImportSource(file);
    const it = source.rows()[Symbol.asyncIterator]();
    expect((await it.next()).value).toEqual({ row: 2, cells: ['甲'] });
    await source.close();
    expect((await it.next()).done).toBe(true);
    await expect(source.rows()[Symbol.asyncIterator]().next()).rejects.toThrow('closed');
  });

  it('refuses to read on when the file changed after it was opened', async () => {
    const file = write('changing.csv', '名称,电话\n甲,1\n');
    const source = await openImportSource(file);
    fs.appendFileSync(file, '乙,2\n');
    expect(await refusal(allRows(source))).toMatchObject({ reason: 'import_file_changed' });
    await source.close();
  });

  const piece = fc.oneof(
    fc.constantFrom(
      ',',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      ' ',
      '\t',
      ';',
      '\u3000',
      '客户',
      '😀',
      '=',
      'a',
      '0571',
    ),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );
  const cell = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));
  const table = (maxRows: number) =>
    fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
        minLength: 1,
        maxLength: maxRows,
      }),
    );
  const layout = fc.record({
    separator: fc.constantFrom(',' as const, '\t' as const, ';' as const),
    newline: fc.constantFrom('\r\n', '\n'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le'),
    finalNewline: fc.boolean(),
  });
  let n = 0;

  /** Writes `rows` with Papa.unparse in `layout`, reads the file back, and compares. */
  async function roundTrip(
    rows: string[][],
    { separator, newline, encoding, finalNewline }: typeof layout extends fc.Arbitrary<infer L> ? L : never,
  ) {
    // Each row on its own, so the line each starts on is known.
    const texts = rows.map((r) => Papa.unparse([r], { delimiter: separator, newline }));
    const text = texts.join(newline) + (finalNewline ? newline : '');
    const bytes =
      encoding === 'utf-8'
        ? Buffer.from(text, 'utf8')
        : encoding === 'utf-8-bom'
          ? Buffer.from('\uFEFF' + text, 'utf8')
          : encoding === 'gb18030'
            ? iconv.encode(text, 'gb18030')
            : iconv.encode('\uFEFF' + text, 'utf-16le');
    const file = write(`p${n++}.csv`, bytes);

    // The header loses its empty cells at the end; a row is padded to the header's width, and
    // keeps cells past it up to its last filled one.
    const expected: { row: number; cells: string[] }[] = [];
    let width = 0;
    let line = 1;
    rows.forEach((r, i) => {
      const cells = r.map((c) => c.trim().replace(/\r\n?/g, '\n'));
      if (cells.some((c) => c !== '')) {
        let end = cells.length;
        while (end > width && cells[end - 1] === '') end--;
        if (expected.length === 0) width = end;
        expected.push({ row: line, cells: cells.slice(0, Math.max(end, width)) });
      }
      line += texts[i]!.split('\n').length; // LF-counted, as an editor does for CRLF and LF
    });
    if (expected.length === 0) {
      expect((await refusal(openImportSource(file, { separator }))).reason).toBe('import_empty');
      return;
    }
    const source = await openImportSource(file, {
      separator,
      encoding: encoding === 'gb18030' ? 'gb18030' : undefined,
    });
    const got = await allRows(source);
    await source.close();
    expect({ row: source.headerRow, cells: source.headers }).toEqual(expected[0]);
    expect(got).toEqual(expected.slice(1));
  }

  it('any table of strings written by Papa.unparse reads back the same, with the right line numbers', async () => {
    await fc.assert(fc.asyncProperty(table(6), layout, roundTrip), { numRuns: 200 });
  });

  it('reads the same across chunk boundaries: tables of several 64 KiB chunks', async () => {
    // A small random table repeated until the file spans a few chunks, so chunk ends fall inside
    // quoted fields, CRLF pairs and multi-byte characters.
    const big = fc.tuple(table(8), fc.integer({ min: 0, max: 7 })).map(([rows, shift]) => {
      const out = [rows[0]!];
      for (let i = 0, size = 0; size < 200_000; i++) {
        const row = rows[i % rows.length]!.map((c, j) => (j === 0 ? `${'x'.repeat(shift)}${i}${c}` : c));
        size += row.join(',').length + 2;
        out.push(row);
      }
      return out;
    });
    await fc.assert(fc.asyncProperty(big, layout, roundTrip), { numRuns: 12 });
  });
});

describe('refusals', () => {
  it('refuses an old .xls with the reason to save it as .xlsx or CSV', async () => {
    const xls = write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(await refusal(openImportSource(xls))).toMatchObject({
      code: 'VALIDATION',
      reason: 'import_old_xls',
    });
    // An .xlsx that is really an OLE file: an old workbook renamed, or one locked with a password.
    const locked = write('locked.xlsx', fs.readFileSync(xls));
    expect(await refusal(openImportSource(locked))).toMatchObject({ reason: 'import_old_xls' });
  });

  it('refuses a file that is not what its name says', async () => {
    const textAsXlsx = write('text.xlsx', '名称,电话\n甲,1\n');
    expect(await refusal(openImportSource(textAsXlsx))).toMatchObject({ reason: 'import_not_xlsx' });
    const binaryAsCsv = write(
      'binary.csv',
      Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x00, 0x01, 0x02, 0xff, 0x0a]),
    );
    expect(await refusal(openImportSource(binaryAsCsv))).toMatchObject({ reason: 'import_not_text' });
    const workbookAsCsv = write('book.csv', fs.readFileSync(importFixture('dates-serial.xlsx')));
    expect(await refusal(openImportSource(workbookAsCsv))).toMatchObject({ reason: 'import_not_text' });
  });

  it('refuses names it cannot read, a missing file, a folder, and an empty file', async () => {
    expect(await refusal(openImportSource(write('a.pdf', '%PDF-1.7')))).toMatchObject({
      reason: 'import_file_type',
      params: { extension: '.pdf' },
    });
    expect(await refusal(openImportSource(write('noext', 'a,b\n')))).toMatchObject({
      reason: 'import_file_type',
    });
    expect(await refusal(openImportSource(path.join(tmp.dir, 'gone.csv')))).toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
    fs.mkdirSync(path.join(tmp.dir, 'folder.csv'));
    expect(await refusal(openImportSource(path.join(tmp.dir, 'folder.csv')))).toMatchObject({
      reason: 'import_unreadable',
    });
    expect(await refusal(openImportSource(write('empty.csv', '')))).toMatchObject({ reason: 'import_empty' });
    expect(await refusal(openImportSource(write('blank.csv', '\r\n , ,\r\n\r\n')))).toMatchObject({
      reason: 'import_empty',
    });
  });

  it('leaves every fixture byte-identical after reading it', async () => {
    for (const name of ['customers-gbk-crlf.csv', 'customers-utf8-bom.csv', 'quoted.csv', 'formula.csv']) {
      const file = importFixture(name);
      const before = sha256(file);
      await read(file);
      await previewImportSource(file);
      expect(sha256(file), name).toBe(before);
    }
  });
});
