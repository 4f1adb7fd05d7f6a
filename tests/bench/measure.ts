/** Timing and reporting helpers shared by every benchmark case. */
import fs from 'node:fs';

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
}

export interface Timing {
  p50_ms: number;
  p95_ms: number;
  n: number;
}

export const DEFAULT_RUNS = 200;
export const DEFAULT_WARMUP = 20;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function summarize(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), n: times.length };
}

let sink: unknown;

/**
 * Runs each function `warmup` times untimed, then `runs` times, each call timed on its own with
 * process.hrtime.bigint. Several functions are interleaved call by call, in alternating order,
 * so a burst of load from elsewhere on the machine falls on all of them alike and their ratio
 * stays fair. Results are kept so the work cannot be optimised away.
 */
export function measureEach(fns: readonly (() => unknown)[], opts: MeasureOptions = {}): Timing[] {
  const { runs = DEFAULT_RUNS, warmup = DEFAULT_WARMUP } = opts;
  for (let i = 0; i < warmup; i++) for (const fn of fns) sink = fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = i % 2 === 0 ? k : fns.length - 1 - k;
      const start = process.hrtime.bigint();
      sink = fns[j]!();
      times[j]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return times.map(summarize);
}

/** measureEach for work that answers later (a request through the database worker). */
export async function measureEachAsync(
  fns: readonly (() => unknown)[],
  opts: MeasureOptions = {},
): Promise<Timing[]> {
  const { runs = DEFAULT_RUNS, warmup = DEFAULT_WARMUP } = opts;
  for (let i = 0; i < warmup; i++) for (const fn of fns) sink = await fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const j = i % 2 === 0 ? k : fns.length - 1 - k;
      const start = process.hrtime.bigint();
      sink = await fns[j]!();
      times[j]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return times.map(summarize);
}

/** Times one function: `warmup` untimed calls, then `runs` timed ones. */
export function measure(fn: () => unknown, opts: MeasureOptions = {}): Timing {
  return measureEach([fn], opts)[0]!;
}

export interface Target {
  /** Which result names the target applies to. */
  applies: (name: string) => boolean;
  p95_ms?: number;
  ratio?: number;
  /** The most a recorded figure (`Results.value`) may be. */
  max?: number;
}

type Entry = Timing | { value: number };

/** Collects named timings and ratios in insertion order; writes them as bench-results.json. */
export class Results {
  readonly entries = new Map<string, Entry>();

  /** Times `fn` and records it under `name`. */
  measure(name: string, fn: () => unknown, opts?: MeasureOptions): Timing {
    const t = measure(fn, opts);
    this.entries.set(name, t);
    return t;
  }

  /**
   * Times `fn` against a `baseline` doing the same work more directly, interleaved, and records
   * both (the baseline as `<name> <suffix>`) and `fn` p95 / baseline p95 as `<name>.ratio`.
   */
  compare(name: string, fn: () => unknown, baseline: () => unknown, suffix: string, opts?: MeasureOptions) {
    const [t, base] = measureEach([fn, baseline], opts) as [Timing, Timing];
    this.entries.set(name, t);
    this.entries.set(`${name} ${suffix}`, base);
    return { timing: t, baseline: base, ratio: this.ratio(name, t.p95_ms / base.p95_ms) };
  }

  /** `compare` for work that answers later, e.g. a request through the database worker. */
  async compareAsync(
    name: string,
    fn: () => unknown,
    baseline: () => unknown,
    suffix: string,
    opts?: MeasureOptions,
  ) {
    const [t, base] = (await measureEachAsync([fn, baseline], opts)) as [Timing, Timing];
    this.entries.set(name, t);
    this.entries.set(`${name} ${suffix}`, base);
    return { timing: t, baseline: base, ratio: this.ratio(name, t.p95_ms / base.p95_ms) };
  }

  /** Records a timing measured elsewhere. */
  set(name: string, timing: Timing): void {
    this.entries.set(name, timing);
  }

  /** Records a figure that is not a time, e.g. a peak of memory in MB. */
  value(name: string, value: number): void {
    this.entries.set(name, { value: Math.round(value) });
  }

  valueOf(name: string): number | undefined {
    const e = this.entries.get(name);
    return e && 'value' in e ? e.value : undefined;
  }

  ratio(name: string, value: number): number {
    const v = Math.round(value * 100) / 100;
    this.entries.set(`${name}.ratio`, { value: v });
    return v;
  }

  timing(name: string): Timing | undefined {
    const e = this.entries.get(name);
    return e && 'p95_ms' in e ? e : undefined;
  }

  ratioOf(name: string): number | undefined {
    const e = this.entries.get(`${name}.ratio`);
    return e && 'value' in e ? e.value : undefined;
  }

  writeJson(file: string): void {
    fs.writeFileSync(file, `${JSON.stringify(Object.fromEntries(this.entries), null, 2)}\n`);
  }

  /** Checks the named results against the targets: one line per check, missed ones marked MISSED. */
  check(names: readonly string[], targets: readonly Target[]): { lines: string[]; missed: number } {
    const lines: string[] = [];
    let missed = 0;
    for (const name of names) {
      for (const target of targets.filter((t) => t.applies(name))) {
        const t = this.timing(name);
        if (target.p95_ms !== undefined && t) {
          const ok = t.p95_ms <= target.p95_ms;
          if (!ok) missed++;
          lines.push(
            `${ok ? 'ok    ' : 'MISSED'}  ${name}: p95 ${fmt(t.p95_ms)} ms (target ≤ ${target.p95_ms} ms)`,
          );
        }
        const v = this.valueOf(name);
        if (target.max !== undefined && v !== undefined) {
          const ok = v <= target.max;
          if (!ok) missed++;
          lines.push(`${ok ? 'ok    ' : 'MISSED'}  ${name}: ${v} (target ≤ ${target.max})`);
        }
        const r = this.ratioOf(name);
        if (target.ratio !== undefined && r !== undefined) {
          const ok = r <= target.ratio;
          if (!ok) missed++;
          lines.push(
            `${ok ? 'ok    ' : 'MISSED'}  ${name}: ratio ${r.toFixed(2)} (target ≤ ${target.ratio})`,
          );
        }
      }
    }
    return { lines, missed };
  }
}

export const fmt = (ms: number) => ms.toFixed(3);

/** A plain-text table with right-aligned numeric columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
