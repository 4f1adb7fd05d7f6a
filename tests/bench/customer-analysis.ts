/**
 * Customer analytics at bench scale (100,000 customers, 300,000 sales): ABC on the 12 months
 * ending the last generated day, and RFM over every sale up to it. Both read every customer's
 * sales, so they are timed against the 500 ms, not the 30 ms of the sales analyses.
 */
import type { ChannelCase, Suite } from './cases';

/** The generated sales end on 2025-06-30. */
const AS_OF = '2025-06-30';

const cases: ChannelCase[] = [
  { name: 'analysis.abc 12 months', channel: 'analysis.abc', input: { asOf: AS_OF } },
  {
    name: 'analysis.abc class C page 100',
    channel: 'analysis.abc',
    input: { asOf: AS_OF, cls: 'C', page: 100 },
  },
  { name: 'analysis.rfm', channel: 'analysis.rfm', input: { asOf: AS_OF } },
  { name: 'analysis.rfm score 555', channel: 'analysis.rfm', input: { asOf: AS_OF, score: '555' } },
];

export const customerAnalysisSuite: Suite = {
  name: 'customer analysis',
  cases: () => cases,
  targets: [{ applies: (n) => n.startsWith('analysis.abc') || n.startsWith('analysis.rfm'), p95_ms: 500 }],
};
