/**
 * Seeded bulk data for the benchmarks: a real Solo CRM file (opened and migrated by the app's own
 * openDatabase) filled with mixed Chinese and English customers.
 *
 * Rows go in through one transaction and one prepared INSERT rather than customers.create, which
 * would take minutes for 100,000 rows. Everything the app derives on create is reproduced exactly:
 * values pass the contract's zod schema (trimmed, '' → null), codes run C000001 ... with
 * code_counters set so the next create continues, and the search index row is built by the same
 * searchGrams call over the same fields as indexCustomer in src-main/records/customers.ts.
 */
import { fakerEN, fakerZH_CN, type Faker } from '@faker-js/faker';
import type { BaseItem, BaseKind, CustomerCreateInput } from '../../src-main/contract';
import { customerCreateInput, customerFields } from '../../src-main/contract';
import { optimizeSearchIndexes, type Db } from '../../src-main/db/open';
import { column } from '../../src-main/db/statements';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { searchGrams } from '../../src-main/records/search-text';

export interface CustomerDataOptions {
  count: number;
  seed?: number;
  /** Share generated with fakerZH_CN; the rest use fakerEN. */
  chineseShare?: number;
}

export interface CustomerDataInfo {
  count: number;
  chinese: number;
  english: number;
  /** Wall-clock milliseconds: building the values, writing rows + index, refreshing statistics. */
  ms: { values: number; insert: number; analyze: number; total: number };
}

/** Real cities so names, area codes and regions agree (北京 → 010 → 华北). */
const CITIES: readonly (readonly [city: string, areaCode: string, region: string])[] = [
  ['北京', '010', 'north'],
  ['天津', '022', 'north'],
  ['石家庄', '0311', 'north'],
  ['太原', '0351', 'north'],
  ['上海', '021', 'east'],
  ['南京', '025', 'east'],
  ['苏州', '0512', 'east'],
  ['杭州', '0571', 'east'],
  ['宁波', '0574', 'east'],
  ['合肥', '0551', 'east'],
  ['济南', '0531', 'east'],
  ['青岛', '0532', 'east'],
  ['福州', '0591', 'east'],
  ['厦门', '0592', 'east'],
  ['广州', '020', 'south'],
  ['深圳', '0755', 'south'],
  ['东莞', '0769', 'south'],
  ['佛山', '0757', 'south'],
  ['南宁', '0771', 'south'],
  ['武汉', '027', 'central'],
  ['长沙', '0731', 'central'],
  ['郑州', '0371', 'central'],
  ['南昌', '0791', 'central'],
  ['成都', '028', 'southwest'],
  ['重庆', '023', 'southwest'],
  ['昆明', '0871', 'southwest'],
  ['贵阳', '0851', 'southwest'],
  ['西安', '029', 'northwest'],
  ['兰州', '0931', 'northwest'],
  ['乌鲁木齐', '0991', 'northwest'],
  ['沈阳', '024', 'northeast'],
  ['大连', '0411', 'northeast'],
  ['长春', '0431', 'northeast'],
  ['哈尔滨', '0451', 'northeast'],
  ['香港', '00852', 'hmt'],
];

/**
 * faker's zh_CN company names are place + given name + category + legal form, but only one of its
 * 14 categories (网络科技) holds 科技. Tech firms are a large share of a typical customer list, so
 * about a third of Chinese names take a 科技 category instead.
 */
const TECH_CATEGORIES = ['科技', '信息科技', '网络科技', '电子科技', '智能科技', '软件科技'];
const TECH_SHARE = 1 / 3;

const MOBILE_PREFIXES = ['130', '135', '136', '138', '139', '150', '158', '177', '186', '188', '199'];

const START = Date.parse('2019-01-01T00:00:00Z');
const END = Date.parse('2025-06-30T00:00:00Z');

/** The base-data ids a customer can point at, read through the registry like the app's forms. */
function baseIds(ctx: HandlerContext): Map<BaseKind, BaseItem[]> {
  const res = invoke(ctx, 'baseData.list', {});
  if (!res.ok) throw new Error(`baseData.list failed: ${res.error.message}`);
  const byKind = new Map<BaseKind, BaseItem[]>();
  for (const item of res.data as BaseItem[]) {
    if (!item.active) continue;
    byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), item]);
  }
  return byKind;
}

export function baseItem(ctx: HandlerContext, kind: BaseKind, key: string): BaseItem {
  const item = baseIds(ctx)
    .get(kind)
    ?.find((i) => i.key === key);
  if (!item) throw new Error(`No ${kind} entry with key ${key}`);
  return item;
}

function pick<T>(f: Faker, items: readonly T[] | undefined): T {
  if (!items?.length) throw new Error('pick from an empty list');
  return f.helpers.arrayElement(items);
}

const digits = (f: Faker, n: number) => f.string.numeric({ length: n, allowLeadingZeros: true });

function chineseCustomer(f: Faker): Omit<CustomerCreateInput, 'typeId' | 'levelId'> & { regionKey: string } {
  const [city, areaCode, regionKey] = pick(f, CITIES);
  const given = f.person.firstName();
  const category = f.datatype.boolean(TECH_SHARE)
    ? pick(f, TECH_CATEGORIES)
    : pick(f, f.definitions.company.category as string[]);
  const legal = pick(f, f.definitions.company.legal_entity_type as string[]);
  const mobile = `${pick(f, MOBILE_PREFIXES)}${digits(f, 8)}`;
  return {
    name: `${city}${given}${category}${legal}`,
    shortName: f.datatype.boolean(0.8) ? `${given}${category}` : null,
    city,
    areaCode,
    // Landlines as people type them: 010-8888 1234, some with an extension.
    phone: f.datatype.boolean(0.9)
      ? `${areaCode}-${digits(f, 4)} ${digits(f, 4)}${f.datatype.boolean(0.1) ? ` 转${digits(f, 3)}` : ''}`
      : null,
    mobile: f.datatype.boolean(0.75)
      ? f.datatype.boolean(0.3)
        ? `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`
        : mobile
      : null,
    email: f.datatype.boolean(0.7) ? f.internet.email() : null,
    address: `${city}市${f.location.streetAddress(true)}`,
    postcode: f.location.zipCode(),
    decisionMaker: f.person.fullName(),
    regionKey,
  };
}

function englishCustomer(f: Faker): Omit<CustomerCreateInput, 'typeId' | 'levelId'> & { regionKey: string } {
  const name = f.company.name();
  const first = name.split(/[\s,-]+/)[0] ?? name;
  const domain = `${first.toLowerCase().replace(/[^a-z0-9]/g, '') || 'example'}.${pick(f, ['com', 'net', 'co.uk', 'io'])}`;
  const person = { firstName: f.person.firstName(), lastName: f.person.lastName() };
  return {
    name,
    shortName: f.datatype.boolean(0.6) ? first : null,
    city: f.location.city(),
    address: f.location.streetAddress(f.datatype.boolean(0.3)),
    postcode: f.location.zipCode(),
    phone: f.datatype.boolean(0.9) ? f.phone.number({ style: 'national' }) : null,
    mobile: f.datatype.boolean(0.6) ? f.phone.number({ style: 'human' }) : null,
    email: f.datatype.boolean(0.85) ? f.internet.email({ ...person, provider: domain }) : null,
    website: f.datatype.boolean(0.7) ? `https://www.${domain}` : null,
    decisionMaker: `${person.firstName} ${person.lastName}`,
    regionKey: f.datatype.boolean(0.9) ? 'overseas' : pick(f, ['hmt', 'east', 'south']),
  };
}

/** The built-in fields; custom values are written below, from the one bench custom field. */
const EDITABLE = (Object.keys(customerFields) as (keyof typeof customerFields)[]).filter(
  (f) => f !== 'custom',
);

/** A single-choice custom field, 客户规模, held by 70 % of customers: what a custom-field filter reads. */
export const SIZE_FIELD = { label: '客户规模', options: ['大型', '中型', '小型'] };
const sizeOf = (i: number) => (i % 10 < 7 ? SIZE_FIELD.options[i % 3]! : null);

/** Fills an empty, migrated database with `count` customers. Deterministic for a given seed. */
export function generateCustomers(ctx: HandlerContext, opts: CustomerDataOptions): CustomerDataInfo {
  const { db } = ctx;
  const { count, seed = 42, chineseShare = 0.6 } = opts;
  const t0 = performance.now();
  if (db.prepare('SELECT count(*) FROM customers').pluck().get() !== 0) {
    throw new Error('generateCustomers expects an empty customers table');
  }
  for (const f of [fakerEN, fakerZH_CN]) {
    f.seed(seed);
    f.setDefaultRefDate(END);
  }
  const base = baseIds(ctx);
  const ids = (kind: BaseKind) => (base.get(kind) ?? []).map((i) => i.id);
  const byKey = (kind: BaseKind) => new Map((base.get(kind) ?? []).map((i) => [i.key, i.id]));
  const levels = byKey('customer_level');
  const regions = byKey('region');
  // Most customers are ordinary; a list where every level is equally common would flatter filters.
  const levelWeights = [
    { weight: 5, value: levels.get('vip') },
    { weight: 20, value: levels.get('major') },
    { weight: 50, value: levels.get('normal') },
    { weight: 25, value: levels.get('small') },
  ];

  const rows: { values: Record<string, unknown>; createdAt: string; updatedAt: string }[] = [];
  let chinese = 0;
  for (let i = 0; i < count; i++) {
    const zh = fakerEN.datatype.boolean(chineseShare);
    if (zh) chinese++;
    const f = zh ? fakerZH_CN : fakerEN;
    const { regionKey, ...fields } = zh ? chineseCustomer(f) : englishCustomer(f);
    const input: CustomerCreateInput = {
      ...fields,
      typeId: pick(f, ids('customer_type')),
      levelId: f.helpers.weightedArrayElement(levelWeights) ?? null,
      stageId: f.datatype.boolean(0.9) ? pick(f, ids('lifecycle_stage')) : null,
      industryId: f.datatype.boolean(0.9) ? pick(f, ids('industry')) : null,
      sourceId: f.datatype.boolean(0.8) ? pick(f, ids('source')) : null,
      regionId: regions.get(regionKey) ?? null,
      ownerId: f.datatype.boolean(0.95) ? pick(f, ids('sales_rep')) : null,
      creditRating: f.datatype.boolean(0.3) ? pick(f, ['AAA', 'AA', 'A', 'B', 'C']) : null,
      notes: f.datatype.boolean(0.2) ? f.lorem.sentence() : null,
    };
    // Created in code order over the period; edited some time after.
    const created = START + ((END - START) * (i + f.number.float())) / count;
    const updated = created + f.number.float() * (END - created);
    rows.push({
      values: customerCreateInput.parse(input),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    });
  }
  const t1 = performance.now();

  const insert = db.prepare(
    `INSERT INTO customers (id, code, ${EDITABLE.map(column).join(', ')}, custom, created_at, updated_at)
     VALUES (@id, @code, ${EDITABLE.map((f) => `@${f}`).join(', ')}, @custom, @createdAt, @updatedAt)`,
  );
  const sizeField = Number(
    db
      .prepare(
        `INSERT INTO custom_fields (entity, label, type, options, show_in_list, created_at, updated_at)
         VALUES ('customers', ?, 'select', ?, 1, ?, ?)`,
      )
      .run(
        SIZE_FIELD.label,
        JSON.stringify(SIZE_FIELD.options),
        new Date(END).toISOString(),
        new Date(END).toISOString(),
      ).lastInsertRowid,
  );
  // The same statement and the same fields as indexCustomer.
  const index = db.prepare('INSERT INTO customer_search (rowid, grams) VALUES (?, ?)');
  db.transaction(() => {
    rows.forEach((r, i) => {
      const id = i + 1;
      const code = `C${String(id).padStart(6, '0')}`;
      const v = r.values as Record<string, string | null>;
      const size = sizeOf(i);
      const custom = JSON.stringify(size ? { [sizeField]: size } : {});
      insert.run({ ...r.values, id, code, custom, createdAt: r.createdAt, updatedAt: r.updatedAt });
      index.run(id, searchGrams([code, v.name, v.shortName, v.phone, v.mobile, v.email]));
    });
    db.prepare(
      `INSERT INTO code_counters (prefix, last_value) VALUES ('C', ?)
       ON CONFLICT (prefix) DO UPDATE SET last_value = excluded.last_value`,
    ).run(count);
  })();
  const t2 = performance.now();

  refreshStatistics(db);
  const t3 = performance.now();
  return {
    count,
    chinese,
    english: count - chinese,
    ms: { values: t1 - t0, insert: t2 - t1, analyze: t3 - t2, total: t3 - t0 },
  };
}

/**
 * Statistics as the app leaves them: closeDatabase runs `PRAGMA optimize`, which (SQLite ≥ 3.46)
 * runs a bounded ANALYZE (analysis_limit) on the tables this connection used whose statistics are
 * missing or stale. Having just written customers, this connection qualifies, so the plain pragma
 * analyses it here too. Not a full ANALYZE, which the app never runs.
 */
export function refreshStatistics(db: Db): void {
  // As after an import: the bulk writes leave the search indexes in many small segments.
  optimizeSearchIndexes(db);
  db.pragma('optimize');
}
