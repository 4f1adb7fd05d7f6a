/**
 * 分析 at bench scale (1,000,000 sale lines, 200,000 opportunities): 销售走势 by month over 12
 * months, 销售漏斗, 销售构成 by category and by customer (top 20). Each is timed with the
 * statement cache warm and cold (every call prepares its statements afresh, as the first
 * call after opening the file does).
 */
import type { Db } from '../../src-main/db/open';
import type { ChannelCase, Suite } from './cases';

/** The generated sales end on 2025-06-30: the 12 months before and including it. */
const YEAR = { from: '2024-07-01', to: '2025-06-30' } as const;

const warm: ChannelCase[] = [
  { name: 'analysis.trend month 12 months', channel: 'analysis.trend', input: { ...YEAR, period: 'month' } },
  { name: 'analysis.funnel 12 months', channel: 'analysis.funnel', input: YEAR },
  {
    name: 'analysis.composition category',
    channel: 'analysis.composition',
    input: { ...YEAR, by: 'category' },
  },
  {
    name: 'analysis.composition customer top 20',
    channel: 'analysis.composition',
    input: { ...YEAR, by: 'customer', top: 20 },
  },
];

/**
 * A stand-in for `db` with an empty statement cache: db/statements.ts keeps one cache per
 * connection object, so each new stand-in prepares every statement again.
 */
export function withColdStatements(db: Db): Db {
  return new Proxy(db, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

export const analysisSuite: Suite = {
  name: 'analysis',
  cases: () => [...warm, ...warm.map((c) => ({ ...c, name: `${c.name} cold`, cold: true }))],
  targets: [
    { applies: (n) => n.startsWith('analysis.') && n.endsWith(' cold'), p95_ms: 100 },
    { applies: (n) => n.startsWith('analysis.') && !n.endsWith(' cold'), p95_ms: 30 },
  ],
};
