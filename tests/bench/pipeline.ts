/**
 * Issue-3 scale figures: a customer's page with the first page of every tab, contact search,
 * one customer's sales, and closing an opportunity as won. Lists go through `runCase` (registry
 * and bare SQL); the page and the close are scenarios timed through the registry only.
 */
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import type { ChannelCase, Suite } from './cases';
import type { MeasureOptions, Results, Target } from './measure';

function must(ctx: HandlerContext, channel: string, input: unknown): unknown {
  const res = invoke(ctx, channel, input);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** A customer with about the average number of records, chosen the same way every run. */
function typicalCustomer(ctx: HandlerContext): number {
  return ctx.db
    .prepare(
      `SELECT c.id FROM customers c
       WHERE (SELECT count(*) FROM sales s WHERE s.customer_id = c.id) = 3
         AND (SELECT count(*) FROM opportunities o WHERE o.customer_id = c.id) = 2
         AND (SELECT count(*) FROM contacts k WHERE k.customer_id = c.id) = 3
       ORDER BY c.id LIMIT 1 OFFSET 10`,
    )
    .pluck()
    .get() as number;
}

export const pipelineLists: Suite = {
  name: 'pipeline lists',
  cases: (ctx) => {
    const customerId = typicalCustomer(ctx);
    const cases: ChannelCase[] = [
      { name: 'contacts.list keyword zh 2 chars', channel: 'contacts.list', input: { keyword: '秀英' } },
      { name: 'contacts.list keyword ascii', channel: 'contacts.list', input: { keyword: 'son' } },
      { name: 'sales.list one customer', channel: 'sales.list', input: { customerId } },
      // Global search (Ctrl+K), issue 4: five kinds at once, five hits each.
      { name: 'search.global zh 2 chars', channel: 'search.global', input: { query: '科技' } },
      { name: 'search.global zh 4 chars', channel: 'search.global', input: { query: '信息科技' } },
      { name: 'search.global ascii word', channel: 'search.global', input: { query: 'group' } },
      { name: 'search.global phone digits', channel: 'search.global', input: { query: '8888' } },
    ];
    return cases;
  },
  targets: [
    { applies: (n) => n.startsWith('contacts.list keyword'), p95_ms: 10 },
    { applies: (n) => n === 'sales.list one customer', p95_ms: 5 },
    { applies: (n) => n.startsWith('search.global '), p95_ms: 15 },
  ],
};

export const pipelineTargets: Target[] = [
  { applies: (n) => n === 'customer page with every tab', p95_ms: 20 },
  { applies: (n) => n === 'opportunities.close won', p95_ms: 5 },
];

/** The scenarios; returns the names it recorded. */
export function runPipelineScenarios(results: Results, ctx: HandlerContext, opts: MeasureOptions): string[] {
  const customerId = typicalCustomer(ctx);
  results.measure(
    'customer page with every tab',
    () => {
      must(ctx, 'customers.get', { id: customerId });
      must(ctx, 'customers.related', { ids: [customerId] });
      must(ctx, 'contacts.list', { customerId });
      must(ctx, 'opportunities.list', { customerId });
      must(ctx, 'sales.list', { customerId });
      must(ctx, 'customers.timeline', { customerId });
    },
    opts,
  );

  // Each run closes a different open opportunity, the way a user would: read it, then close it.
  const runs = (opts.runs ?? 200) + (opts.warmup ?? 20);
  const open = ctx.db
    .prepare("SELECT id, version FROM opportunities WHERE status = 'open' ORDER BY id LIMIT ?")
    .all(runs) as { id: number; version: number }[];
  let next = 0;
  results.measure(
    'opportunities.close won',
    () => {
      const o = open[next++]!;
      must(ctx, 'opportunities.close', {
        id: o.id,
        version: o.version,
        outcome: 'won',
        saleDate: '2025-06-30',
      });
    },
    opts,
  );
  return ['customer page with every tab', 'opportunities.close won'];
}
