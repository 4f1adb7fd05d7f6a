import {
  setupChannels,
  industryTemplate,
  templateKinds,
  type AppSettings,
  type ApplyTemplateResult,
  type BaseItem,
  type ChannelParsedInput,
  type IndustryTemplate,
  type TemplateEntry,
  type TemplateKind,
} from '../contract';
import type { Db } from '../db/open';
import { AppError } from '../db/errors';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { baseItemUsage, listBaseItems } from './base-data';
import { getSettings, isSetUp, writeSetting } from './settings';

interface Row {
  id: number;
  key: string | null;
  name_zh: string;
  name_en: string;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Pairs a template's entries with a list's rows: by key first (the same key is the same entry in
 * every template), then by name in either language, so an entry the user added by hand counts too.
 */
function match(rows: Row[], entries: readonly TemplateEntry[]): Map<TemplateEntry, Row> {
  const pairs = new Map<TemplateEntry, Row>();
  const taken = new Set<Row>();
  const pair = (entry: TemplateEntry, row: Row | undefined) => {
    if (!row) return;
    pairs.set(entry, row);
    taken.add(row);
  };
  for (const entry of entries)
    pair(
      entry,
      rows.find((r) => r.key === entry.key),
    );
  for (const entry of entries) {
    if (pairs.has(entry)) continue;
    pair(
      entry,
      rows.find(
        (r) =>
          !taken.has(r) &&
          (sameName(r.name_zh, entry.nameZh) || (r.name_en !== '' && sameName(r.name_en, entry.nameEn))),
      ),
    );
  }
  return pairs;
}

const rowsOf = (db: Db, kind: TemplateKind): Row[] =>
  stmt<Row>(
    db,
    'SELECT id, key, name_zh, name_en FROM base_items WHERE kind = ? ORDER BY sort_order, id',
  ).all(kind);

function insert(db: Db, kind: TemplateKind, entry: TemplateEntry, sortOrder: number): number {
  return Number(
    stmt(
      db,
      `INSERT INTO base_items (kind, key, name_zh, name_en, sort_order, probability, active)
       VALUES (?, ?, ?, ?, ?, NULL, 1)`,
    ).run(kind, entry.key, entry.nameZh, entry.nameEn, sortOrder).lastInsertRowid,
  );
}

const inUse = (db: Db, id: number) => Object.keys(baseItemUsage(db, id)).length > 0;

/**
 * Makes each list the template covers the template's: its entries first, in its order (ones
 * already there keep their id and names, and are switched back on); then what stays of the rest.
 * A seeded entry the template does not name goes unless a record uses it; an entry the user added
 * always stays.
 */
function replaceLists(db: Db, template: IndustryTemplate): void {
  const setOrder = stmt(db, 'UPDATE base_items SET sort_order = ?, active = 1 WHERE id = ?');
  const setOrderOnly = stmt(db, 'UPDATE base_items SET sort_order = ? WHERE id = ?');
  const remove = stmt(db, 'DELETE FROM base_items WHERE id = ?');
  for (const kind of templateKinds) {
    const entries = template.lists[kind];
    if (!entries) continue;
    const rows = rowsOf(db, kind);
    const pairs = match(rows, entries);
    let order = 0;
    for (const entry of entries) {
      const row = pairs.get(entry);
      if (row) setOrder.run(++order, row.id);
      else insert(db, kind, entry, ++order);
    }
    const matched = new Set(pairs.values());
    for (const row of rows) {
      if (matched.has(row)) continue;
      if (row.key !== null && !inUse(db, row.id)) remove.run(row.id);
      else setOrderOnly.run(++order, row.id);
    }
  }
}

/** Adds the template's entries a list lacks, at its end. Nothing is deleted, renamed or moved. */
function addMissing(db: Db, template: IndustryTemplate): BaseItem[] {
  const added: BaseItem[] = [];
  for (const kind of templateKinds) {
    const entries = template.lists[kind];
    if (!entries) continue;
    const pairs = match(rowsOf(db, kind), entries);
    let next = stmt(db, 'SELECT coalesce(max(sort_order), 0) FROM base_items WHERE kind = ?')
      .pluck()
      .get(kind) as number;
    const ids = new Set<number>();
    for (const entry of entries) if (!pairs.has(entry)) ids.add(insert(db, kind, entry, ++next));
    added.push(...listBaseItems(db, { kind }).filter((item) => ids.has(item.id)));
  }
  return added;
}

/**
 * Names the user as 业务员: the seeded 本人/Me entry is renamed (and switched on); without one,
 * an entry of that name is used, or added. Returns its id.
 */
function nameRep(db: Db, name: string): number {
  const me = stmt(db, "SELECT id FROM base_items WHERE kind = 'sales_rep' AND key = 'me'").pluck().get() as
    number | undefined;
  if (me !== undefined) {
    stmt(db, 'UPDATE base_items SET name_zh = ?, name_en = ?, active = 1 WHERE id = ?').run(name, name, me);
    return me;
  }
  const same = stmt(db, "SELECT id FROM base_items WHERE kind = 'sales_rep' AND name_zh = ? ORDER BY id")
    .pluck()
    .get(name) as number | undefined;
  if (same !== undefined) {
    stmt(db, 'UPDATE base_items SET active = 1 WHERE id = ?').run(same);
    return same;
  }
  const next = stmt(db, "SELECT coalesce(max(sort_order), 0) + 1 FROM base_items WHERE kind = 'sales_rep'")
    .pluck()
    .get() as number;
  return Number(
    stmt(
      db,
      `INSERT INTO base_items (kind, key, name_zh, name_en, sort_order, probability, active)
       VALUES ('sales_rep', NULL, ?, ?, ?, NULL, 1)`,
    ).run(name, name, next).lastInsertRowid,
  );
}

/** First run of a new file, in one transaction; refused once the file is set up. */
export function setUpFile(db: Db, now: string, input: ChannelParsedInput<'app.setup'>): AppSettings {
  return db
    .transaction(() => {
      if (isSetUp(db)) {
        throw new AppError(
          'CONFLICT',
          'This database is already set up; apply an industry template from 基础数据 instead',
        );
      }
      if (input.template !== null) {
        replaceLists(db, industryTemplate(input.template));
        writeSetting(db, 'template', input.template);
      }
      const name = input.repName?.trim();
      if (name) writeSetting(db, 'current_rep_id', String(nameRep(db, name)));
      writeSetting(db, 'set_up_at', now);
      return getSettings(db);
    })
    .immediate();
}

export function applyTemplate(
  db: Db,
  input: ChannelParsedInput<'baseData.applyTemplate'>,
): ApplyTemplateResult {
  return db
    .transaction(() => {
      const added = addMissing(db, industryTemplate(input.template));
      writeSetting(db, 'template', input.template);
      return { added };
    })
    .immediate();
}

export const setupHandlers = handlersFor(setupChannels, {
  'app.setup': (ctx, input) => setUpFile(ctx.db, ctx.now(), input),
  'baseData.applyTemplate': (ctx, input) => applyTemplate(ctx.db, input),
});
