-- Solo CRM schema, version 4: the trash (回收站) and custom fields (自定义字段).

-- A deleted record and everything that went with it, as it was, so a restore brings all of it
-- back with the same ids and links. `payload` is JSON: the rows of every table that went (parents
-- first) and the links other records lost (columns set to NULL by ON DELETE SET NULL).
CREATE TABLE trash (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT    NOT NULL CHECK (kind IN ('customers', 'contacts', 'products', 'opportunities',
                                               'sales', 'feedback', 'expenses', 'activities')),
  record_id  INTEGER NOT NULL,
  -- What the list shows: the record's code and name as they were, and whose it was.
  title      TEXT    NOT NULL,
  owner_name TEXT,
  -- How many dependent rows went with it, per table: {"contacts": 2, "sales": 1}.
  counts     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
  payload    TEXT    NOT NULL CHECK (json_valid(payload)),
  deleted_at TEXT    NOT NULL
);
CREATE INDEX trash_deleted_at ON trash (deleted_at);
CREATE INDEX trash_kind       ON trash (kind, deleted_at);

-- Fields the user adds to customers, contacts, opportunities and sales.
--
-- Values live in one JSON column per record (`custom`, keyed by the field's id) rather than in
-- a value table or one column per field: a record's values are read and written with the
-- record in one row (forms, detail pages, exports and trash snapshots take them whole), adding
-- or removing a field changes no table, and the handlers validate every value against these
-- definitions before it is stored. A list filter on a custom field reads json_extract over the
-- rows the other filters leave, which at the sizes a desk CRM keeps is a few milliseconds.
CREATE TABLE custom_fields (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  entity      TEXT    NOT NULL CHECK (entity IN ('customers', 'contacts', 'opportunities', 'sales')),
  label       TEXT    NOT NULL CHECK (length(label) > 0),
  type        TEXT    NOT NULL CHECK (type IN ('text', 'number', 'date', 'select', 'multiselect', 'checkbox')),
  -- The choices of a single or multiple choice field, as a JSON array of strings.
  options     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(options) AND json_type(options) = 'array'),
  required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  -- Shown as a column in the record kind's list.
  show_in_list INTEGER NOT NULL DEFAULT 0 CHECK (show_in_list IN (0, 1)),
  -- A field switched off keeps its values but leaves the forms.
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  UNIQUE (entity, label)
);
CREATE INDEX custom_fields_entity ON custom_fields (entity, sort_order);

ALTER TABLE customers     ADD COLUMN custom TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom));
ALTER TABLE contacts      ADD COLUMN custom TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom));
ALTER TABLE opportunities ADD COLUMN custom TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom));
ALTER TABLE sales         ADD COLUMN custom TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(custom));
