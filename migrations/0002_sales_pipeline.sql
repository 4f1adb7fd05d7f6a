-- Solo CRM schema, version 2: contacts, products, opportunities and sales with their lines,
-- and activities (lab experiments 4 and 5).
--
-- Deleting a customer removes what hangs off it in the same transaction (ON DELETE CASCADE);
-- the app counts and names those records in its confirm dialog first. A product that is on any
-- line cannot be deleted (RESTRICT): deactivate it instead, and old lines keep it.
-- Search rows are removed by triggers; they are written by the app, which builds the bigrams.

CREATE TABLE contacts (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id       INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  name              TEXT    NOT NULL CHECK (length(name) > 0),
  gender            TEXT    CHECK (gender IN ('male', 'female')),
  title             TEXT,
  department        TEXT,
  phone             TEXT,
  mobile            TEXT,
  email             TEXT,
  wechat            TEXT,
  qq                TEXT,
  birthday          TEXT,
  address           TEXT,
  is_primary        INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  is_decision_maker INTEGER NOT NULL DEFAULT 0 CHECK (is_decision_maker IN (0, 1)),
  notes             TEXT,
  version           INTEGER NOT NULL DEFAULT 1,
  created_at        TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL
);
CREATE INDEX contacts_customer   ON contacts (customer_id, name);
CREATE INDEX contacts_name       ON contacts (name);
CREATE INDEX contacts_updated_at ON contacts (updated_at);
-- At most one primary contact per customer.
CREATE UNIQUE INDEX contacts_one_primary ON contacts (customer_id) WHERE is_primary = 1;

CREATE VIRTUAL TABLE contact_search USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
  DELETE FROM contact_search WHERE rowid = old.id;
END;

CREATE TABLE products (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL CHECK (length(name) > 0),
  category_id INTEGER REFERENCES base_items (id),
  unit        TEXT,
  list_price  INTEGER NOT NULL DEFAULT 0 CHECK (list_price >= 0),
  cost        INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  description TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL
);
CREATE INDEX products_name       ON products (name);
CREATE INDEX products_category   ON products (category_id);
CREATE INDEX products_updated_at ON products (updated_at);

CREATE VIRTUAL TABLE product_search USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
  DELETE FROM product_search WHERE rowid = old.id;
END;

CREATE TABLE opportunities (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  code                TEXT    NOT NULL UNIQUE,
  customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id          INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  title               TEXT    NOT NULL CHECK (length(title) > 0),
  source_id           INTEGER REFERENCES base_items (id),
  stage_id            INTEGER NOT NULL REFERENCES base_items (id),
  probability         INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  -- The sum of the lines when there are lines; typed in otherwise. Cents.
  expected_amount     INTEGER NOT NULL DEFAULT 0 CHECK (expected_amount >= 0),
  expected_close_date TEXT,
  owner_id            INTEGER REFERENCES base_items (id),
  status              TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
  lost_reason         TEXT,
  closed_at           TEXT,
  notes               TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  CHECK ((status = 'open') = (closed_at IS NULL))
);
CREATE INDEX opportunities_customer   ON opportunities (customer_id, created_at);
CREATE INDEX opportunities_stage      ON opportunities (status, stage_id);
CREATE INDEX opportunities_close_date ON opportunities (status, expected_close_date);
CREATE INDEX opportunities_owner      ON opportunities (owner_id);
CREATE INDEX opportunities_updated_at ON opportunities (updated_at);
-- Deleting a contact clears it from these (ON DELETE SET NULL): without an index, a full scan.
CREATE INDEX opportunities_contact    ON opportunities (contact_id);

CREATE VIRTUAL TABLE opportunity_search USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER opportunities_search_delete AFTER DELETE ON opportunities BEGIN
  DELETE FROM opportunity_search WHERE rowid = old.id;
END;

-- Product lines (机会明细). Name and unit are copied from the product when the line is written.
CREATE TABLE opportunity_lines (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
  line_no        INTEGER NOT NULL,
  product_id     INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
  product_name   TEXT    NOT NULL,
  unit           TEXT,
  quantity       REAL    NOT NULL CHECK (quantity > 0),
  unit_price     INTEGER NOT NULL CHECK (unit_price >= 0),
  discount       REAL    NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= 100),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  UNIQUE (opportunity_id, line_no)
);
CREATE INDEX opportunity_lines_product ON opportunity_lines (product_id);

-- Every stage change: from (null when the opportunity was created), to, when.
CREATE TABLE opportunity_stage_history (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
  from_stage_id  INTEGER REFERENCES base_items (id),
  to_stage_id    INTEGER NOT NULL REFERENCES base_items (id),
  changed_at     TEXT    NOT NULL
);
CREATE INDEX opportunity_stage_history_opportunity ON opportunity_stage_history (opportunity_id, changed_at);
CREATE INDEX opportunity_stage_history_changed_at ON opportunity_stage_history (changed_at);

CREATE TABLE sales (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  code            TEXT    NOT NULL UNIQUE,
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  -- The won opportunity this sale came from. UNIQUE: one opportunity never makes two sales.
  opportunity_id  INTEGER UNIQUE REFERENCES opportunities (id) ON DELETE SET NULL,
  sale_date       TEXT    NOT NULL,
  owner_id        INTEGER REFERENCES base_items (id),
  status          TEXT    NOT NULL DEFAULT 'confirmed'
                  CHECK (status IN ('draft', 'confirmed', 'delivered', 'paid', 'cancelled')),
  -- The sum of the lines, kept with the sale so lists and totals need not add lines up. Cents.
  amount          INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  amount_received INTEGER NOT NULL DEFAULT 0 CHECK (amount_received >= 0),
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);
CREATE INDEX sales_customer   ON sales (customer_id, sale_date);
CREATE INDEX sales_date       ON sales (sale_date);
CREATE INDEX sales_owner      ON sales (owner_id);
CREATE INDEX sales_status     ON sales (status);
CREATE INDEX sales_updated_at ON sales (updated_at);
CREATE INDEX sales_contact    ON sales (contact_id);

CREATE VIRTUAL TABLE sale_search USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER sales_search_delete AFTER DELETE ON sales BEGIN
  DELETE FROM sale_search WHERE rowid = old.id;
END;

-- 销售明细. A line keeps the product's name, unit and price as they were, so editing a product
-- later never rewrites history.
CREATE TABLE sale_lines (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  sale_id      INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
  line_no      INTEGER NOT NULL,
  product_id   INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
  product_name TEXT    NOT NULL,
  unit         TEXT,
  quantity     REAL    NOT NULL CHECK (quantity > 0),
  unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
  discount     REAL    NOT NULL DEFAULT 0 CHECK (discount >= 0 AND discount <= 100),
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_lines_product ON sale_lines (product_id);

-- 行动: calls, visits, emails, meetings and messages, with an optional next follow-up.
CREATE TABLE activities (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id    INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id     INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  opportunity_id INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  type           TEXT    NOT NULL CHECK (type IN ('call', 'visit', 'email', 'meeting', 'message')),
  subject        TEXT    NOT NULL CHECK (length(subject) > 0),
  content        TEXT,
  occurred_at    TEXT    NOT NULL,
  next_follow_up TEXT,
  done           INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE INDEX activities_customer   ON activities (customer_id, occurred_at);
CREATE INDEX activities_follow_up  ON activities (next_follow_up) WHERE done = 0 AND next_follow_up IS NOT NULL;
CREATE INDEX activities_updated_at ON activities (updated_at);
CREATE INDEX activities_contact    ON activities (contact_id);
CREATE INDEX activities_opportunity ON activities (opportunity_id);

-- Customer search also finds a customer by its contacts' names; that text is rebuilt by the app.
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
  DELETE FROM customer_search WHERE rowid = old.id;
END;
