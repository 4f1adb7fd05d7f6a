-- Solo CRM schema, version 11: imports, each one entry that 撤销导入 can take back as a whole.
--
-- imports: one row per import run: what was read (file name, sheet, encoding), how (the mapping
-- of columns to fields and the options: what to do with duplicates and unknown links, the day /
-- month order), what came of it (counts), and when it was undone, if it was.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT NOT NULL,
  file_name   TEXT NOT NULL,
  source      TEXT NOT NULL DEFAULT '{}',
  mapping     TEXT NOT NULL DEFAULT '{}',
  options     TEXT NOT NULL DEFAULT '{}',
  counts      TEXT NOT NULL DEFAULT '{}',
  -- code_counters as they were before the import: undo puts them back when no code was handed
  -- out since, so the next record takes the code it would have taken.
  counters    TEXT NOT NULL DEFAULT '{}',
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  undone_at   TEXT
);

-- What an import did to each record: made it (undo deletes it), or changed it (undo puts back
-- `before`, the row's columns as they were). A record made and then changed by the same import
-- stays `created`.
CREATE TABLE import_changes (
  import_id  INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  before     TEXT,
  seq        INTEGER NOT NULL,
  PRIMARY KEY (import_id, table_name, row_id)
) WITHOUT ROWID;
CREATE INDEX import_changes_order ON import_changes (import_id, seq);
