import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImportSource } from '../../src-main/import/source';
import { makeTempDir } from '../helpers/db';
import { sha256 } from '../helpers/import-files';

// Memory is measured as the JS heap in use (process.memoryUsage().heapUsed) above a baseline
// taken after a full garbage collection, sampled every 10,000 rows while reading; garbage not yet
// collected counts too, so the figure is an upper bound on what reading holds.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  tmp = makeTempDir('solo-crm-import-large-');
});
afterAll(() => tmp.remove());

const MB = 1024 * 1024;

/** Reads every row of `file`, sampling the heap; returns the count, the last row and the figures. */
async function readMeasured(file: string) {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  const started = performance.now();
  const source = await openImportSource(file);
  let count = 0;
  let peak = 0;
  let last: { row: number; cells: string[] } | undefined;
  for await (const row of source.rows()) {
    count++;
    last = row;
    if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  }
  await source.close();
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
  return { source, count, last, peakMb: peak / MB, seconds };
}

describe('large files are read in bounded memory', () => {
  it('reads a 1,000,000-line CSV row by row', async () => {
    const file = path.join(tmp.dir, 'million.csv');
    const out = fs.createWriteStream(file);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write('编号,客户名称,电话,备注,日期\r\n');
    for (let i = 1; i < 1_000_000; i++) {
      await write(`${i},客户${i},0571${String(i).padStart(8, '0')},"备注, 第${i}行",2024-03-05\r\n`);
    }
    out.end();
    await once(out, 'close');
    const size = fs.statSync(file).size;
    const before = sha256(file);

    const { source, count, last, peakMb, seconds } = await readMeasured(file);
    console.log(
      `1,000,000-line CSV (${(size / MB).toFixed(1)} MB): ${seconds.toFixed(1)} s, heap peak +${peakMb.toFixed(1)} MB`,
    );
    expect(source.headers).toEqual(['编号', '客户名称', '电话', '备注', '日期']);
    expect(count).toBe(999_999);
    expect(last).toEqual({
      row: 1_000_000,
      cells: ['999999', '客户999999', '057100999999', '备注, 第999999行', '2024-03-05'],
    });
    // Measured ~16 MB. The file is 64.5 MB: holding it, or its million rows, could not fit.
    expect(peakMb).toBeLessThan(48);
    expect(sha256(file)).toBe(before);
  }, 120_000);

  it('reads a 100,000-row .xlsx through its streamed sheet', async () => {
    const file = path.join(tmp.dir, 'hundred-thousand.xlsx');
    // exceljs's streaming writer, with shared strings as Excel writes them.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('客户');
    ws.addRow(['编号', '客户名称', '手机', '签约日期', '金额']).commit();
    for (let i = 1; i <= 100_000; i++) {
      const row = ws.addRow([
        i,
        `杭州客户${i}有限公司`,
        13800000000 + i,
        new Date(Date.UTC(2024, 0, 1 + (i % 365))),
        i * 1.5,
      ]);
      row.getCell(4).numFmt = 'yyyy/m/d';
      row.commit();
    }
    ws.commit();
    await wb.commit();
    const size = fs.statSync(file).size;
    const before = sha256(file);

    const { count, last, peakMb, seconds } = await readMeasured(file);
    console.log(
      `100,000-row .xlsx (${(size / MB).toFixed(1)} MB): ${seconds.toFixed(1)} s, heap peak +${peakMb.toFixed(1)} MB`,
    );
    expect(count).toBe(100_000);
    expect(last).toMatchObject({
      row: 100_001,
      cells: ['100000', '杭州客户100000有限公司', '13800100000', '2024-12-21', '150000'],
    });
    // Measured ~27 MB, the shared strings table included (100,000 distinct names, held by design);
    // the inflated sheet XML alone is 22 MB (twice that as a JS string).
    expect(peakMb).toBeLessThan(64);
    expect(sha256(file)).toBe(before);
  }, 120_000);
});
