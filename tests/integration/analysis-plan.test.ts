import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositionDimensions, type CompositionDimension } from '../../src-main/contract';
import { categoryRollupQuery, compositionQuery } from '../../src-main/analysis/composition';
import type { DateRange, SalesFilter } from '../../src-main/analysis/common';
import { trendQuery } from '../../src-main/analysis/trend';
import { baseId, call, makeTestDb, type TestDb } from '../helpers/db';

/**
 * A bounded date range must be read through the date index, never by scanning every sale or
 * every sale line: sales by sales_analysis (sale_date, …; covering), their lines by
 * sale_lines_analysis (sale_id, …; covering). Checked on a fresh file (no statistics yet, as
 * for a new user) and after ANALYZE (as PRAGMA optimize leaves a used file).
 */
describe('analysis query plans', () => {
  let t: TestDb;
  let filters: Record<string, SalesFilter>;
  const range: DateRange = { from: '2024-01-01', to: '2024-12-31' };

  beforeAll(() => {
    t = makeTestDb();
    const hardware = baseId(t.ctx, 'product_category', 'hardware');
    const customers = [1, 2, 3].map(
      (i) =>
        call(t.ctx, 'customers.create', {
          name: `客户 ${i}`,
          typeId: baseId(t.ctx, 'customer_type', 'customer'),
          regionId: baseId(t.ctx, 'region', 'east'),
        }).id,
    );
    const products = [1, 2, 3].map(
      (i) =>
        call(t.ctx, 'products.create', { name: `产品 ${i}`, categoryId: hardware, listPrice: 1000 * i }).id,
    );
    t.db.transaction(() => {
      for (let i = 0; i < 400; i++) {
        const day = new Date(Date.UTC(2022, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10);
        call(t.ctx, 'sales.create', {
          customerId: customers[i % 3]!,
          saleDate: day,
          lines: [
            { productId: products[i % 3]!, quantity: 1 },
            { productId: products[(i + 1) % 3]!, quantity: 2 },
          ],
        });
      }
    })();
    filters = {
      none: {},
      owner: { ownerId: baseId(t.ctx, 'sales_rep', 'me') },
      customerType: { customerTypeId: baseId(t.ctx, 'customer_type', 'customer') },
      region: { regionId: baseId(t.ctx, 'region', 'east') },
      category: { productCategoryId: hardware },
      product: { productId: products[0]! },
    };
  });
  afterAll(() => t.close());

  const plan = (q: { sql: string; params: unknown[] }) =>
    (t.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as { detail: string }[]).map(
      (r) => r.detail,
    );

  /** No full scan of sales or sale lines; the range through the date index. */
  function expectBounded(details: string[], perLine: boolean) {
    const text = details.join('\n');
    expect(text).not.toMatch(/SCAN (s|l|sales|sale_lines)\b/);
    if (perLine) {
      expect(text).toMatch(/SEARCH l USING COVERING INDEX sale_lines_analysis \(sale_id=\?/);
    }
    expect(text).toMatch(/SEARCH s USING COVERING INDEX sales_analysis \(sale_date>\? AND sale_date<\?\)/);
    // The sales of the range are the outer loop: nothing is searched once per product or customer.
    expect(details.find((d) => /^(SEARCH|SCAN) /.test(d))).toMatch(
      /^SEARCH s USING COVERING INDEX sales_analysis/,
    );
  }

  /** What the unfiltered category composition reads: the range of days in the rollup, nothing else. */
  function expectRollup(details: string[]) {
    const tables = details.filter((d) => /^(SEARCH|SCAN) (?!g\b|r\b|\(subquery)/.test(d));
    expect(tables[0]).toBe('SEARCH sales_category_days USING PRIMARY KEY (sale_date>? AND sale_date<?)');
    // The rest: names of the ranked categories, by id.
    expect(new Set(tables.slice(1))).toEqual(new Set(['SEARCH b USING INTEGER PRIMARY KEY (rowid=?)']));
  }

  const check = () => {
    expectRollup(plan(categoryRollupQuery(range, 10, undefined)));
    expectRollup(plan(categoryRollupQuery(range, 10, filters.category!.productCategoryId)));
    for (const [name, filter] of Object.entries(filters)) {
      const perLine = name === 'category' || name === 'product';
      expectBounded(plan(trendQuery(range, filter)), perLine);
      for (const by of compositionDimensions as readonly CompositionDimension[]) {
        expectBounded(
          plan(compositionQuery(range, by, 10, filter)),
          perLine || by === 'category' || by === 'product',
        );
      }
    }
  };

  it('reads a date range by index on a fresh file', () => {
    check();
    // The unfiltered trend, in full: one range read of the index, in date order (no sort).
    expect(plan(trendQuery(range, {}))).toEqual([
      'SEARCH s USING COVERING INDEX sales_analysis (sale_date>? AND sale_date<?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH l USING COVERING INDEX sale_lines_analysis (sale_id=?)',
    ]);
  });

  it('reads a date range by index after ANALYZE', () => {
    t.db.exec('ANALYZE');
    check();
  });
});
