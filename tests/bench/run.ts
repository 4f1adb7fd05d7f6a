/**
 * `npm run bench`: builds a throwaway database with BENCH_CUSTOMERS customers (default 100,000),
 * times every suite's cases through the registry and as bare SQL, prints a table and the query
 * plans, and writes bench-results.json in the repository root.
 *
 * A report, not a gate: missed targets are printed as MISSED and the exit code stays 0.
 * Env: BENCH_CUSTOMERS, BENCH_RUNS (default 200), BENCH_WARMUP (default 20).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src-main/db/open';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { backupTargets, runBackupSuite } from './backup';
import { fileOpenTargets, runFileOpenSuite } from './file-open';
import { importTargets, runImportSuite } from './import';
import { queryPlan, runCase, suites, type CaseOutcome } from './cases';
import { generateCustomers } from './generate';
import { FULL_SCALE, generatePipeline } from './generate-pipeline';
import { pipelineTargets, runPipelineScenarios } from './pipeline';
import { DEFAULT_RUNS, DEFAULT_WARMUP, fmt, Results, table } from './measure';
import { runWorkerSuite, workerTargets } from './worker';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS_FILE = path.join(ROOT, 'bench-results.json');

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${raw}`);
  return n;
}

/** The next customers.create must continue after the generated codes; checked, then rolled back. */
function checkNextCode(ctx: HandlerContext, count: number): void {
  const expected = `C${String(count + 1).padStart(6, '0')}`;
  ctx.db.exec('BEGIN');
  try {
    const res = invoke(ctx, 'customers.create', { name: 'Bench probe' });
    const code = res.ok ? (res.data as { code: string }).code : res.error.message;
    if (code !== expected) throw new Error(`After generation customers.create gave ${code}, not ${expected}`);
  } finally {
    ctx.db.exec('ROLLBACK');
  }
}

async function main(): Promise<void> {
  const customers = envInt('BENCH_CUSTOMERS', 100_000);
  const opts = { runs: envInt('BENCH_RUNS', DEFAULT_RUNS), warmup: envInt('BENCH_WARMUP', DEFAULT_WARMUP) };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-bench-'));
  const opened = openDatabase(path.join(dir, 'bench.db'));
  try {
    const ctx: HandlerContext = {
      db: opened.db,
      now: () => new Date().toISOString(),
      databasePath: opened.path,
      schemaVersion: opened.schemaVersion,
      appVersion: 'bench',
    };

    console.log(`Generating ${customers.toLocaleString('en')} customers (seed 42) ...`);
    const info = generateCustomers(ctx, { count: customers });
    checkNextCode(ctx, customers);
    const size =
      fs.statSync(opened.path).size +
      (fs.statSync(`${opened.path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    console.log(
      `  ${info.chinese.toLocaleString('en')} Chinese + ${info.english.toLocaleString('en')} English in ` +
        `${(info.ms.total / 1000).toFixed(1)} s (values ${(info.ms.values / 1000).toFixed(1)} s, ` +
        `insert + index ${(info.ms.insert / 1000).toFixed(1)} s, PRAGMA optimize ${(info.ms.analyze / 1000).toFixed(1)} s); ` +
        `file ${(size / 1024 / 1024).toFixed(0)} MB`,
    );
    // The pipeline scales with the customers: 100,000 customers get the full issue-3 data set.
    const scale = customers / 100_000;
    const pipeline = Object.fromEntries(
      Object.entries(FULL_SCALE).map(([k, v]) => [
        k,
        Math.max(1, Math.round(v * (k === 'products' ? 1 : scale))),
      ]),
    ) as unknown as typeof FULL_SCALE;
    console.log(
      `Generating ${pipeline.contacts.toLocaleString('en')} contacts, ${pipeline.opportunities.toLocaleString('en')} opportunities, ` +
        `${pipeline.sales.toLocaleString('en')} sales with ${pipeline.saleLines.toLocaleString('en')} lines, ` +
        `${pipeline.activities.toLocaleString('en')} activities ...`,
    );
    const pipelineInfo = generatePipeline(ctx, pipeline);
    console.log(`  in ${(pipelineInfo.ms / 1000).toFixed(1)} s`);
    console.log(`Timing ${opts.runs} runs after ${opts.warmup} warm-up runs per case.\n`);

    const results = new Results();
    const outcomes: CaseOutcome[] = [];
    const checks: string[] = [];
    let missed = 0;
    for (const suite of suites) {
      const cases = suite.cases(ctx);
      for (const c of cases) outcomes.push(runCase(results, ctx, c, opts));
      const checked = results.check(
        cases.map((c) => c.name),
        suite.targets,
      );
      checks.push(...checked.lines);
      missed += checked.missed;
    }
    const scenarios = runPipelineScenarios(results, ctx, opts);
    const scenarioChecks = results.check(scenarios, pipelineTargets);
    checks.push(...scenarioChecks.lines);
    missed += scenarioChecks.missed;

    console.log('Timing requests through the database worker, alone and during a rollup rebuild job ...');
    const workerCases = await runWorkerSuite(results, ctx, opts);
    const workerChecks = results.check(workerCases, workerTargets);
    checks.push(...workerChecks.lines);
    missed += workerChecks.missed;

    console.log(
      'Timing backups: the copy against cp, the whole backup, and requests while backup jobs run ...',
    );
    const backupCases = await runBackupSuite(results, ctx, opts);
    const backupChecks = results.check(backupCases, backupTargets);
    checks.push(...backupChecks.lines);
    missed += backupChecks.missed;

    console.log('Timing 打开数据库 of the bench file through the database worker ...');
    const openCases = await runFileOpenSuite(results, ctx);
    const openChecks = results.check(openCases, fileOpenTargets);
    checks.push(...openChecks.lines);
    missed += openChecks.missed;
    for (const name of openCases) {
      const t = results.timing(name)!;
      console.log(`  ${name}: p50 ${fmt(t.p50_ms)} ms, slowest ${fmt(t.p95_ms)} ms of ${t.n}`);
    }

    console.log(
      'Timing 导入 of 100,000 customers from a CSV file, against the bare INSERT of the same rows, and of a sales file of a million lines ...',
    );
    const importCases = await runImportSuite(results);
    const importChecks = results.check(importCases, importTargets);
    checks.push(...importChecks.lines);
    missed += importChecks.missed;
    for (const name of [
      'import.customers',
      'import.customers bare',
      'concurrent.customers.list during import',
      'import.sales',
      'concurrent.customers.list during sales import',
    ]) {
      const t = results.timing(name)!;
      console.log(`  ${name}: p50 ${fmt(t.p50_ms)} ms, p95 ${fmt(t.p95_ms)} ms of ${t.n}`);
    }
    console.log(`  import.sales peak_rss_mb: ${results.valueOf('import.sales peak_rss_mb')} MB`);

    const rows = outcomes.map((o) => {
      const reg = results.timing(o.name)!;
      const bare = results.timing(`${o.name} bare`)!;
      return [
        o.name,
        fmt(reg.p50_ms),
        fmt(reg.p95_ms),
        fmt(bare.p50_ms),
        fmt(bare.p95_ms),
        results.ratioOf(o.name)!.toFixed(2),
        o.summary,
      ];
    });
    console.log(
      table(['case', 'reg p50 ms', 'reg p95 ms', 'bare p50 ms', 'bare p95 ms', 'ratio', 'result'], rows),
    );

    console.log(
      `\n${table(
        ['scenario (registry only)', 'p50 ms', 'p95 ms', 'runs'],
        scenarios.map((name) => {
          const t = results.timing(name)!;
          return [name, fmt(t.p50_ms), fmt(t.p95_ms), String(t.n)];
        }),
      )}`,
    );

    console.log(
      `\n${table(
        ['through the database worker', 'p50 ms', 'p95 ms', 'bare p95 ms', 'ratio'],
        workerCases.map((name) => {
          const t = results.timing(name)!;
          const bare = results.timing(`${name} bare`);
          const ratio = results.ratioOf(name);
          return [name, fmt(t.p50_ms), fmt(t.p95_ms), bare ? fmt(bare.p95_ms) : '', ratio?.toFixed(2) ?? ''];
        }),
      )}`,
    );

    console.log(
      `\n${table(
        ['backups', 'p50 ms', 'p95 ms', 'runs', 'ratio to cp (p50)'],
        backupCases.map((name) => {
          const t = results.timing(name)!;
          return [name, fmt(t.p50_ms), fmt(t.p95_ms), String(t.n), results.ratioOf(name)?.toFixed(2) ?? ''];
        }),
      )}`,
    );

    console.log('\nQuery plans:');
    for (const o of outcomes) {
      console.log(`\n${o.name}`);
      for (const c of o.calls) {
        console.log(`  ${c.sql.replace(/\s+/g, ' ')}\n  params ${JSON.stringify(c.params)}`);
        console.log(queryPlan(ctx.db, c).replace(/^/gm, '  '));
      }
    }

    console.log('\nTargets:');
    for (const line of checks) console.log(`  ${line}`);
    console.log(missed ? `\n${missed} target(s) MISSED.` : '\nAll targets met.');

    results.writeJson(RESULTS_FILE);
    console.log(`Wrote ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}`);
  } finally {
    opened.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
