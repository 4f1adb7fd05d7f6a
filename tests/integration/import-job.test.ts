import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Envelope,
  ImportCheckResult,
  ImportEntry,
  ImportPreview,
  ImportRunResult,
  JobInfo,
} from '../../src-main/contract';
import { startServer } from '../../src-main/ipc/http';
import { DatabaseHost } from '../../src-main/service/host';
import { hostData, hostJob } from '../helpers/host';
import { makeTempDir, sha256File } from '../helpers/db';

/**
 * 导入 through the door, as the wizard will drive it: `import.preview`, `import.check` and
 * `import.run` jobs in the database worker on a GBK file as Chinese Excel saves it (or uploaded by
 * the browser edition), the history, and `import.undo`.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
const dbFile = () => path.join(tmp.dir, 'crm.solocrm');

const data = <T>(channel: string, input: unknown = {}) => hostData<T>(host, channel, input);
const job = (input: Record<string, unknown>) => hostJob(host, input);

const customerNames = async () =>
  (await data<{ rows: { name: string }[] }>('customers.list', { pageSize: 200 })).rows
    .map((r) => r.name)
    .sort();

/** A customers file as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF. */
function gbkFile(rows: string[][]): string {
  const file = path.join(tmp.dir, '客户名单 2026.csv');
  fs.writeFileSync(file, iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
  return file;
}

beforeEach(async () => {
  tmp = makeTempDir();
  host = new DatabaseHost({ file: dbFile(), dataFolder: tmp.dir, appVersion: 't' });
  await host.start();
  await data('customers.create', { name: '北京华信科技有限公司', phone: '010-88886666' });
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('import jobs', () => {
  const rows = [
    ['客户名称', '电话', '手机', '备用'],
    ['杭州西湖茶业有限公司', '0571-88886666', '13800138000', 'x'],
    ['宁波港湾物流有限公司', '０５７４-８７６５４３２１', '', 'y'],
    ['', '021-1234', '', 'z'],
    ['北京华信科技有限公司', '', '13900000000', ''],
  ];
  const mapping = ['name', 'phone', 'mobile', null];

  it('checks a GBK file without writing, imports it after a backup, and undoes it as one step', async () => {
    const file = gbkFile(rows);
    const fileHash = sha256File(file);
    const before = await customerNames();
    const common = { recordKind: 'customers', path: file, mapping, options: { duplicates: 'update' } };

    const checked = await job({ kind: 'import.check', ...common });
    expect(checked.state).toBe('done');
    const check = checked.result as ImportCheckResult;
    expect(check.headers).toEqual(['客户名称', '电话', '手机', '备用']);
    expect(check.counts).toEqual({ new: 2, update: 1, duplicate: 0, rejected: 1 });
    expect(check.problems).toEqual([
      expect.objectContaining({ row: 4, column: '客户名称', field: 'name', reason: 'required' }),
    ]);
    expect(await customerNames()).toEqual(before);

    const ran = await job({ kind: 'import.run', ...common });
    expect(ran.state).toBe('done');
    const result = ran.result as ImportRunResult;
    expect(result.counts).toMatchObject({ new: 2, update: 1, rejected: 1 });
    expect(result.problemCount).toBe(1);
    // The row not imported, as the file has it, for the file of rejected rows.
    expect(result.rejected).toEqual([{ row: 4, cells: ['', '021-1234', '', 'z'] }]);
    expect(check.rejected).toEqual(result.rejected);
    expect(await customerNames()).toEqual(
      ['北京华信科技有限公司', '杭州西湖茶业有限公司', '宁波港湾物流有限公司'].sort(),
    );
    const ningbo = (await data<{ rows: { phone: string }[] }>('customers.list', { keyword: '港湾物流' }))
      .rows[0]!;
    expect(ningbo.phone).toBe('0574-87654321');
    // A named backup was taken before the import; the file given was not touched.
    const backups = await data<{ reason: string }[]>('backups.list');
    expect(backups.map((b) => b.reason)).toContain('before-import');
    expect(sha256File(file)).toBe(fileHash);

    const history = await data<ImportEntry[]>('imports.list');
    expect(history).toEqual([
      expect.objectContaining({
        id: result.importId,
        kind: 'customers',
        fileName: '客户名单 2026.csv',
        undoneAt: null,
      }),
    ]);

    const undone = await job({ kind: 'import.undo', importId: result.importId });
    expect(undone.state).toBe('done');
    expect(undone.result).toEqual({ deleted: 2, restored: 1 });
    expect(await customerNames()).toEqual(before);
    const huaxin = (await data<{ rows: { mobile: string | null }[] }>('customers.list', { keyword: '华信' }))
      .rows[0]!;
    expect(huaxin.mobile).toBeNull();
    expect((await data<ImportEntry[]>('imports.list'))[0]!.undoneAt).not.toBeNull();

    const again = await job({ kind: 'import.undo', importId: result.importId });
    expect(again).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', reason: 'already_undone' } });
  });

  it('refuses bad input at the door, and a file that is not there with its own reason', async () => {
    const bad = await host.invoke('jobs.start', {
      kind: 'import.run',
      // Not a record kind.
      recordKind: 'customer_search',
      path: 'x.csv',
      mapping: [],
      options: {},
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const huge = await host.invoke('jobs.start', {
      kind: 'import.check',
      recordKind: 'customers',
      path: 'x'.repeat(5000),
      mapping: [],
      options: {},
    });
    expect(huge).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await job({
      kind: 'import.check',
      recordKind: 'customers',
      path: path.join(tmp.dir, '没有这个文件.csv'),
      mapping: ['name'],
      options: {},
    });
    expect(missing).toMatchObject({ state: 'failed', error: { code: 'FILE_NOT_FOUND' } });
  });

  it('leaves the database as it was when the import is cancelled', async () => {
    const many = [
      ['客户名称', '电话'],
      ...Array.from({ length: 20_000 }, (_, i) => [`批量客户 ${i}`, `0571-${i}`]),
    ];
    const file = gbkFile(many);
    const before = await customerNames();
    const started = await data<JobInfo>('jobs.start', {
      kind: 'import.run',
      recordKind: 'customers',
      path: file,
      mapping: ['name', 'phone'],
      options: {},
    });
    await new Promise((done) => setTimeout(done, 300));
    await data('jobs.cancel', { id: started.id });
    let info = await data<JobInfo>('jobs.get', { id: started.id });
    while (info.state === 'running') {
      await new Promise((done) => setTimeout(done, 20));
      info = await data<JobInfo>('jobs.get', { id: started.id });
    }
    expect(info.state).toBe('cancelled');
    expect(await customerNames()).toEqual(before);
    expect(await data<ImportEntry[]>('imports.list')).toEqual([]);
  });

  it('previews a file: how it reads, its first rows, and the mapping it suggests, then the one last used', async () => {
    const file = gbkFile(rows);
    const preview = (await job({ kind: 'import.preview', recordKind: 'customers', path: file }))
      .result as ImportPreview;
    expect(preview).toMatchObject({
      fileName: '客户名单 2026.csv',
      kind: 'csv',
      encoding: 'gb18030',
      detectedEncoding: 'gb18030',
      separator: ',',
      headers: ['客户名称', '电话', '手机', '备用'],
      suggested: ['name', 'phone', 'mobile', null],
      remembered: false,
    });
    expect(preview.rows[1]).toEqual(['宁波港湾物流有限公司', '０５７４-８７６５４３２１', '', 'y']);
    expect(preview.decodedSample).toContain('杭州西湖茶业有限公司');
    expect(preview.fields.map((f) => f.key)).toContain('name');

    // Imported with 备用 as the notes: the next file with these headers is offered that mapping.
    const mine = ['name', 'phone', 'mobile', 'notes'];
    const ran = await job({
      kind: 'import.run',
      recordKind: 'customers',
      path: file,
      mapping: mine,
      options: {},
    });
    expect(ran.state).toBe('done');
    const again = (await job({ kind: 'import.preview', recordKind: 'customers', path: file }))
      .result as ImportPreview;
    expect(again).toMatchObject({ suggested: mine, remembered: true });
    // Read as UTF-8 on request, the same bytes show what a wrong encoding looks like.
    const wrong = (
      await job({ kind: 'import.preview', recordKind: 'customers', path: file, encoding: 'utf-8' })
    ).result as ImportPreview;
    expect(wrong.encoding).toBe('utf-8');
    expect(wrong.decodedSample).toContain('\uFFFD');
  });

  it('imports a file the browser uploaded, by its upload name, and removes the upload once imported', async () => {
    const rendererDir = path.join(tmp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Solo CRM</title>');
    const server = await startServer({
      invoke: (channel, input) => host.invokeText(channel, input),
      rendererDir,
      dataFolder: tmp.dir,
    });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/upload/import`, {
        method: 'POST',
        headers: {
          Cookie: `solo_crm_token=${server.token}`,
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent('客户名单.csv'),
        },
        body: new Uint8Array(fs.readFileSync(gbkFile(rows))),
      });
      const uploaded = (await res.json()) as Envelope<{ upload: string; name: string }>;
      expect(uploaded).toMatchObject({ ok: true, data: { name: '客户名单.csv' } });
      const { upload } = (uploaded as { data: { upload: string } }).data;
      expect(upload).toMatch(/^[a-f0-9]{32}\.upload$/);
      const common = { recordKind: 'customers', path: upload, fileName: '客户名单.csv' };
      const preview = (await job({ kind: 'import.preview', ...common })).result as ImportPreview;
      expect(preview).toMatchObject({ fileName: '客户名单.csv', suggested: mapping });
      const ran = await job({ kind: 'import.run', ...common, mapping, options: {} });
      expect(ran.state).toBe('done');
      expect((await data<ImportEntry[]>('imports.list'))[0]!.fileName).toBe('客户名单.csv');
      expect(fs.readdirSync(path.join(tmp.dir, 'incoming'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
