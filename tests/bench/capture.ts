/**
 * Records the SQL a handler runs, so the same statements can be timed bare (prepared once,
 * called directly) without copying the records' SQL into the bench by hand.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../src-main/db/open';

type RunMethod = 'get' | 'all' | 'run' | 'iterate';

export interface CapturedCall {
  sql: string;
  method: RunMethod;
  params: unknown[];
  /** Statement modes in force at the call (records use .pluck() for counts). */
  pluck: boolean;
  raw: boolean;
  expand: boolean;
}

const RUN_METHODS = new Set<string | symbol>(['get', 'all', 'run', 'iterate']);
const MODE_METHODS = new Set<string | symbol>(['pluck', 'raw', 'expand']);

function recordingStatement(target: Statement, sql: string, log: CapturedCall[]): Statement {
  const modes = { pluck: false, raw: false, expand: false };
  const proxy: Statement = new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'bind') throw new Error('capture: Statement.bind is not supported');
      if (MODE_METHODS.has(prop)) {
        return (on = true) => {
          // Modes exclude each other, as in better-sqlite3.
          Object.assign(modes, { pluck: false, raw: false, expand: false, [prop]: on });
          (value as (on: boolean) => Statement).call(t, on);
          return proxy;
        };
      }
      if (RUN_METHODS.has(prop)) {
        return (...params: unknown[]) => {
          log.push({ sql, method: prop as RunMethod, params, ...modes });
          return (value as (...p: unknown[]) => unknown).apply(t, params);
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(t);
    },
  });
  return proxy;
}

/**
 * Calls `fn` with a stand-in for `db` that records every statement run through it. The stand-in
 * is a new object, so per-connection statement caches (db/statements.ts) start empty for it and
 * every statement passes through prepare.
 */
export function captureSql<T>(db: Db, fn: (db: Db) => T): { result: T; calls: CapturedCall[] } {
  const calls: CapturedCall[] = [];
  const proxy = new Proxy(db, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (prop === 'prepare') {
        return (sql: string) => recordingStatement(t.prepare(sql), sql, calls);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
  const result = fn(proxy);
  return { result, calls };
}

/** Prepares the captured statements once; the returned function runs them all in order. */
export function replay(db: Db, calls: readonly CapturedCall[]): () => unknown[] {
  const steps = calls.map((c) => {
    const s = db.prepare(c.sql);
    if (c.pluck) s.pluck();
    if (c.raw) s.raw();
    if (c.expand) s.expand();
    const run = s[c.method] as (...p: unknown[]) => unknown;
    return () => {
      const out = run.apply(s, c.params);
      // Drain an iterator so iterate() costs what the handler paid for it.
      return c.method === 'iterate' ? [...(out as Iterable<unknown>)] : out;
    };
  });
  return () => steps.map((step) => step());
}
