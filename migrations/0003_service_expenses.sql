-- Solo CRM schema, version 3: service feedback (服务反馈) and expenses (费用).

CREATE TABLE feedback (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  code          TEXT    NOT NULL UNIQUE,
  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  type_id       INTEGER NOT NULL REFERENCES base_items (id),
  subject       TEXT    NOT NULL CHECK (length(subject) > 0),
  content       TEXT,
  priority      TEXT    NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status        TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  received_date TEXT    NOT NULL,
  handler_id    INTEGER REFERENCES base_items (id),
  -- Closing (结束服务反馈) requires a result and a satisfaction score, and stamps the date.
  result        TEXT,
  satisfaction  INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  closed_date   TEXT,
  version       INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  CHECK ((status = 'closed') = (closed_date IS NOT NULL)),
  CHECK (status = 'open' OR (result IS NOT NULL AND satisfaction IS NOT NULL))
);
CREATE INDEX feedback_customer   ON feedback (customer_id, received_date);
CREATE INDEX feedback_open       ON feedback (status, received_date);
CREATE INDEX feedback_type       ON feedback (type_id);
CREATE INDEX feedback_contact    ON feedback (contact_id);
CREATE INDEX feedback_updated_at ON feedback (updated_at);

CREATE VIRTUAL TABLE feedback_search USING fts5 (
  grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER feedback_search_delete AFTER DELETE ON feedback BEGIN
  DELETE FROM feedback_search WHERE rowid = old.id;
END;

CREATE TABLE expenses (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  expense_date   TEXT    NOT NULL,
  category_id    INTEGER NOT NULL REFERENCES base_items (id),
  amount         INTEGER NOT NULL CHECK (amount > 0),
  customer_id    INTEGER REFERENCES customers (id) ON DELETE CASCADE,
  opportunity_id INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  description    TEXT,
  owner_id       INTEGER REFERENCES base_items (id),
  version        INTEGER NOT NULL DEFAULT 1,
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL
);
CREATE INDEX expenses_date        ON expenses (expense_date);
CREATE INDEX expenses_customer    ON expenses (customer_id, expense_date);
CREATE INDEX expenses_opportunity ON expenses (opportunity_id);
CREATE INDEX expenses_category    ON expenses (category_id);
CREATE INDEX expenses_updated_at  ON expenses (updated_at);
