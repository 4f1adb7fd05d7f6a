import { suggestMapping } from '../../src-main/import/fields';
import { planImport, type FlatKind, type PlanOptions } from '../../src-main/import/plan';
import type { ImportRow } from '../../src-main/import/source';
import { call, type TestDb } from './db';

/** Files for the import's check and import steps, as rows a reader gives. */

/** A file's rows as a reader gives them: the header on line 1, each row on the next line. */
export const rowsOf = (cells: string[][]): ImportRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

const defaults: PlanOptions = { duplicates: 'skip', missingLinks: 'reject' };

export function plan(
  db: TestDb,
  kind: FlatKind,
  headers: string[],
  cells: string[][],
  options: Partial<PlanOptions> = {},
  fixed?: Record<string, string>,
) {
  return planImport(db.ctx, {
    kind,
    headers,
    rows: rowsOf(cells),
    mapping: suggestMapping(kind, headers),
    fixed,
    options: { ...defaults, ...options },
  });
}

export const CUSTOMER_HEADERS = ['客户编号', '客户名称', '客户类型', '电话', '手机', '电子邮件', '备注'];

/** One of each case the check must get right; rows 2 to 10 of the file. */
export const CUSTOMER_ROWS = [
  ['', '上海明达贸易有限公司', '合作伙伴', '０５７１-８８８８６６６６', '', 'sales@mingda.cn', ''],
  ['', '深圳南山创新科技', '', '', '13700137000', '', '=HYPERLINK("http://evil.example")'],
  ['', '', '潜在客户', '010-66668888', '', '', '没有名称'],
  ['', '成都天府餐饮', '战略伙伴', '', '', 'not-an-email', ''],
  ['', '上海明达贸易有限公司', '', '021-5555', '', '', '同一文件里的重复'],
  ['', '北京华信科技有限公司', '客户', '', '13900139000', '', ''],
  ['', '西湖茶业', '', '', '', '', ''],
  ['C000777', '宁波港湾物流', '代理商', '', '', '', "'=1+1"],
  ['', 'ＡＣＭＥ　Ｃｏ．', '', '', '', '', ''],
];

/** The database before the file: one duplicate by name, one likely by a similar name. */
export function seedCustomers(db: TestDb) {
  const huaxin = call(db.ctx, 'customers.create', {
    name: '北京华信科技有限公司',
    phone: '010-88886666',
    notes: '老客户',
  });
  const xihu = call(db.ctx, 'customers.create', { name: '杭州西湖茶业有限公司' });
  return { huaxin, xihu };
}
