/**
 * The sales pipeline at bench scale, on top of generateCustomers: products, contacts,
 * opportunities with 1–5 lines and their stage history, sales with 1,000,000 lines, and
 * activities. Rows go in with prepared INSERTs in one transaction; every derived value is what
 * the records modules would write: line amounts by the same lineAmount, totals as the sums of
 * lines, and search rows by the modules' own index functions.
 */
import { fakerEN, fakerZH_CN } from '@faker-js/faker';
import { lineAmount } from '../../src-main/contract';
import { indexContact } from '../../src-main/records/contacts';
import { indexCustomer } from '../../src-main/records/search-index';
import { indexOpportunity } from '../../src-main/records/opportunities';
import { indexProduct } from '../../src-main/records/products';
import { indexSale } from '../../src-main/records/sales';
import type { HandlerContext } from '../../src-main/records/context';
import { refreshStatistics } from './generate';

export interface PipelineOptions {
  contacts: number;
  opportunities: number;
  sales: number;
  saleLines: number;
  activities: number;
  products: number;
  seed?: number;
}

export const FULL_SCALE: PipelineOptions = {
  contacts: 300_000,
  opportunities: 200_000,
  sales: 300_000,
  saleLines: 1_000_000,
  activities: 200_000,
  products: 2_000,
};

/** A small, fast, seeded PRNG (mulberry32): faker is too slow for millions of numbers. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.parse('2023-01-01T00:00:00Z');
const END = Date.parse('2025-06-30T00:00:00Z');
const DAY = 86_400_000;

const PRODUCT_WORDS = [
  '服务器',
  '交换机',
  '路由器',
  '笔记本电脑',
  '显示器',
  '打印机',
  'ERP 软件',
  'CRM 软件',
  '安装服务',
  '年度维保',
  '硒鼓',
  '网线',
];
const UNITS = ['台', '套', '个', '年', '箱', '米'];
const QUANTITIES = [1, 1, 1, 2, 2, 3, 5, 10, 0.5, 1.5];
const DISCOUNTS = [0, 0, 0, 0, 5, 10, 12.5, 15, 20];

export function generatePipeline(ctx: HandlerContext, opts: PipelineOptions): { ms: number } {
  const { db } = ctx;
  const t0 = performance.now();
  const r = prng(opts.seed ?? 7);
  fakerZH_CN.seed(opts.seed ?? 7);
  fakerEN.seed(opts.seed ?? 7);
  const customerCount = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  const base = (kind: string) =>
    db
      .prepare('SELECT id, key, probability FROM base_items WHERE kind = ? ORDER BY sort_order')
      .all(kind) as {
      id: number;
      key: string;
      probability: number | null;
    }[];
  const stages = base('opportunity_stage');
  const openStages = stages.filter((s) => s.key !== 'won' && s.key !== 'lost');
  const won = stages.find((s) => s.key === 'won')!;
  const lost = stages.find((s) => s.key === 'lost')!;
  const reps = base('sales_rep').map((s) => s.id);
  const categories = base('product_category').map((s) => s.id);
  const now = new Date(END).toISOString();

  db.transaction(() => {
    // Products.
    const insProduct = db.prepare(
      `INSERT INTO products (id, code, name, category_id, unit, list_price, cost, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    );
    const prices: number[] = [0];
    const names: string[] = [''];
    const units: string[] = [''];
    for (let id = 1; id <= opts.products; id++) {
      const name = `${r.pick(PRODUCT_WORDS)} ${String.fromCharCode(65 + (id % 26))}${id}`;
      const price = r.int(10, 20_000) * 100 + r.pick([0, 50, 99]);
      prices.push(price);
      names.push(name);
      units.push(r.pick(UNITS));
      insProduct.run(
        id,
        `P${String(id).padStart(6, '0')}`,
        name,
        r.pick(categories),
        units[id],
        price,
        Math.round(price * 0.6),
        now,
        now,
      );
      indexProduct(db, id);
    }

    // Contacts: 1–5 per customer until the count is reached, the first one primary.
    const insContact = db.prepare(
      `INSERT INTO contacts (id, customer_id, name, gender, title, mobile, email, is_primary, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const contactsOf: number[][] = [[]];
    let contactId = 0;
    for (let c = 1; c <= customerCount; c++) {
      const n = Math.min(r.int(1, 5), opts.contacts - contactId);
      const mine: number[] = [];
      for (let k = 0; k < n; k++) {
        contactId++;
        const zh = r.chance(0.6);
        const f = zh ? fakerZH_CN : fakerEN;
        const name = zh
          ? `${f.person.lastName()}${f.person.firstName()}`
          : `${f.person.firstName()} ${f.person.lastName()}`;
        insContact.run(
          contactId,
          c,
          name,
          r.chance(0.5) ? 'male' : 'female',
          r.pick(['经理', '总监', '采购', 'Manager', 'Buyer']),
          `1${r.int(3, 9)}${String(r.int(0, 999_999_999)).padStart(9, '0')}`,
          null,
          k === 0 ? 1 : 0,
          now,
          now,
        );
        indexContact(db, contactId);
        mine.push(contactId);
      }
      contactsOf.push(mine);
    }
    // A customer's search row also holds its contacts' names.
    for (let c = 1; c <= customerCount; c++) indexCustomer(db, c);

    const lineValues = () => {
      const productId = r.int(1, opts.products);
      const quantity = r.pick(QUANTITIES);
      const unitPrice = prices[productId]!;
      const discount = r.pick(DISCOUNTS);
      return { productId, quantity, unitPrice, discount, amount: lineAmount(quantity, unitPrice, discount) };
    };

    // Opportunities with 1–5 lines and a stage history; about a third closed.
    const insOpp = db.prepare(
      `INSERT INTO opportunities (id, code, customer_id, contact_id, title, stage_id, probability, expected_amount,
         expected_close_date, owner_id, status, lost_reason, closed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insOppLine = db.prepare(
      `INSERT INTO opportunity_lines (opportunity_id, line_no, product_id, product_name, unit, quantity, unit_price, discount, amount)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insHistory = db.prepare(
      'INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)',
    );
    for (let id = 1; id <= opts.opportunities; id++) {
      const customerId = r.int(1, customerCount);
      const created = START + r.next() * (END - START - 60 * DAY);
      const reached = r.int(0, openStages.length - 1);
      const outcome = r.next();
      const status = outcome < 0.2 ? 'won' : outcome < 0.33 ? 'lost' : 'open';
      const finalStage = status === 'won' ? won : status === 'lost' ? lost : openStages[reached]!;
      const lines = Array.from({ length: r.int(1, 5) }, lineValues);
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const closedAt = status === 'open' ? null : new Date(created + r.int(10, 120) * DAY).toISOString();
      insOpp.run(
        id,
        `O${String(id).padStart(6, '0')}`,
        customerId,
        contactsOf[customerId]?.[0] ?? null,
        `${names[lines[0]!.productId]} 采购项目`,
        finalStage.id,
        finalStage.probability ?? 0,
        total,
        day(created + r.int(20, 150) * DAY),
        r.pick(reps),
        status,
        status === 'lost' ? '价格偏高' : null,
        closedAt,
        new Date(created).toISOString(),
        closedAt ?? new Date(created).toISOString(),
      );
      lines.forEach((l, i) =>
        insOppLine.run(
          id,
          i + 1,
          l.productId,
          names[l.productId],
          units[l.productId],
          l.quantity,
          l.unitPrice,
          l.discount,
          l.amount,
        ),
      );
      let from: number | null = null;
      let t = created;
      for (let s = 0; s <= reached; s++) {
        insHistory.run(id, from, openStages[s]!.id, new Date(t).toISOString());
        from = openStages[s]!.id;
        t += r.int(1, 20) * DAY;
      }
      if (status !== 'open') insHistory.run(id, from, finalStage.id, closedAt);
      indexOpportunity(db, id);
    }

    // Sales: saleLines spread over the sales, at least one each.
    const insSale = db.prepare(
      `INSERT INTO sales (id, code, customer_id, contact_id, sale_date, owner_id, status, amount, amount_received, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insSaleLine = db.prepare(
      `INSERT INTO sale_lines (sale_id, line_no, product_id, product_name, unit, quantity, unit_price, discount, amount)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const base3 = Math.floor(opts.saleLines / opts.sales);
    const extra = opts.saleLines - base3 * opts.sales;
    for (let id = 1; id <= opts.sales; id++) {
      const customerId = r.int(1, customerCount);
      const date = START + r.next() * (END - START);
      const n = base3 + (id <= extra ? 1 : 0);
      const lines = Array.from({ length: n }, lineValues);
      const total = lines.reduce((s, l) => s + l.amount, 0);
      const status = r.pick(['confirmed', 'delivered', 'paid', 'paid', 'paid', 'cancelled']);
      const stamp = new Date(date).toISOString();
      insSale.run(
        id,
        `SO${String(id).padStart(6, '0')}`,
        customerId,
        contactsOf[customerId]?.[0] ?? null,
        day(date),
        r.pick(reps),
        status,
        total,
        status === 'paid' ? total : 0,
        stamp,
        stamp,
      );
      lines.forEach((l, i) =>
        insSaleLine.run(
          id,
          i + 1,
          l.productId,
          names[l.productId],
          units[l.productId],
          l.quantity,
          l.unitPrice,
          l.discount,
          l.amount,
        ),
      );
      indexSale(db, id);
    }

    // Activities: calls and visits, some with a follow-up.
    const insActivity = db.prepare(
      `INSERT INTO activities (customer_id, type, subject, occurred_at, next_follow_up, done, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < opts.activities; i++) {
      const t = START + r.next() * (END - START);
      const stamp = new Date(t).toISOString();
      insActivity.run(
        r.int(1, customerCount),
        r.pick(['call', 'visit', 'email', 'meeting', 'message']),
        r.pick(['电话回访', '上门拜访', '发送报价', '需求沟通', 'Follow-up call']),
        stamp.slice(0, 16),
        r.chance(0.3) ? day(t + r.int(1, 30) * DAY) : null,
        r.chance(0.7) ? 1 : 0,
        stamp,
        stamp,
      );
    }

    for (const [prefix, n] of [
      ['P', opts.products],
      ['O', opts.opportunities],
      ['SO', opts.sales],
    ] as const) {
      db.prepare(
        `INSERT INTO code_counters (prefix, last_value) VALUES (?, ?)
         ON CONFLICT (prefix) DO UPDATE SET last_value = excluded.last_value`,
      ).run(prefix, n);
    }
  })();
  refreshStatistics(db);
  return { ms: performance.now() - t0 };
}
