-- Solo CRM schema, version 1: base data and customers.
-- Each migration runs in one transaction; PRAGMA user_version records the last applied.

-- Editable lists (基础数据). Seeded entries carry a stable key; names exist in both languages.
CREATE TABLE base_items (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL,
  key         TEXT,
  name_zh     TEXT    NOT NULL,
  name_en     TEXT    NOT NULL,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  probability INTEGER CHECK (probability BETWEEN 0 AND 100),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (kind, key)
);
CREATE INDEX base_items_kind ON base_items (kind, sort_order);

-- Counters behind user-facing codes (C000001 ...); a deleted code is never handed out again.
CREATE TABLE code_counters (
  prefix     TEXT PRIMARY KEY,
  last_value INTEGER NOT NULL
) WITHOUT ROWID;

-- AUTOINCREMENT: an id is never handed out twice, so a link to a deleted record never finds a new one.
CREATE TABLE customers (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  code            TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL CHECK (length(name) > 0),
  short_name      TEXT,
  type_id         INTEGER REFERENCES base_items (id),
  level_id        INTEGER REFERENCES base_items (id),
  stage_id        INTEGER REFERENCES base_items (id),
  industry_id     INTEGER REFERENCES base_items (id),
  source_id       INTEGER REFERENCES base_items (id),
  region_id       INTEGER REFERENCES base_items (id),
  owner_id        INTEGER REFERENCES base_items (id),
  city            TEXT,
  area_code       TEXT,
  address         TEXT,
  postcode        TEXT,
  phone           TEXT,
  mobile          TEXT,
  fax             TEXT,
  email           TEXT,
  website         TEXT,
  decision_maker  TEXT,
  products        TEXT,
  credit_rating   TEXT,
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
);
-- The list sorts by any of its columns and filters by the references: each has an index.
CREATE INDEX customers_name       ON customers (name);
CREATE INDEX customers_short_name ON customers (short_name);
CREATE INDEX customers_city       ON customers (city);
CREATE INDEX customers_phone      ON customers (phone);
CREATE INDEX customers_mobile     ON customers (mobile);
CREATE INDEX customers_updated_at ON customers (updated_at);
CREATE INDEX customers_created_at ON customers (created_at);
CREATE INDEX customers_type       ON customers (type_id);
CREATE INDEX customers_level      ON customers (level_id);
CREATE INDEX customers_stage      ON customers (stage_id);
CREATE INDEX customers_industry   ON customers (industry_id);
CREATE INDEX customers_source     ON customers (source_id);
CREATE INDEX customers_region     ON customers (region_id);
CREATE INDEX customers_owner      ON customers (owner_id);

-- Substring search, Chinese included. Each row holds the character bigrams of a customer's
-- searchable text (see src-main/records/search-text.ts); a query becomes a phrase of its
-- bigrams, so a 2-character query like 科技 is one index lookup instead of a table scan.
CREATE VIRTUAL TABLE customer_search USING fts5 (
  grams,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO base_items (kind, key, name_zh, name_en, sort_order, probability) VALUES
  ('customer_type', 'customer',    '客户',     'Customer',    1, NULL),
  ('customer_type', 'prospect',    '潜在客户', 'Prospect',    2, NULL),
  ('customer_type', 'partner',     '合作伙伴', 'Partner',     3, NULL),
  ('customer_type', 'distributor', '代理商',   'Distributor', 4, NULL),
  ('customer_type', 'competitor',  '竞争对手', 'Competitor',  5, NULL),
  ('customer_level', 'vip',    'VIP客户',  'VIP',    1, NULL),
  ('customer_level', 'major',  '重要客户', 'Major',  2, NULL),
  ('customer_level', 'normal', '普通客户', 'Normal', 3, NULL),
  ('customer_level', 'small',  '小客户',   'Small',  4, NULL),
  ('lifecycle_stage', 'prospecting', '考察期', 'Prospecting', 1, NULL),
  ('lifecycle_stage', 'developing',  '形成期', 'Developing',  2, NULL),
  ('lifecycle_stage', 'stable',      '稳定期', 'Stable',      3, NULL),
  ('lifecycle_stage', 'declining',   '退化期', 'Declining',   4, NULL),
  ('industry', 'manufacturing', '制造业',     'Manufacturing',         1, NULL),
  ('industry', 'it',            '信息技术',   'Information technology', 2, NULL),
  ('industry', 'finance',       '金融',       'Finance',               3, NULL),
  ('industry', 'retail',        '批发零售',   'Wholesale and retail',  4, NULL),
  ('industry', 'education',     '教育',       'Education',             5, NULL),
  ('industry', 'healthcare',    '医疗健康',   'Healthcare',            6, NULL),
  ('industry', 'construction',  '建筑地产',   'Construction and real estate', 7, NULL),
  ('industry', 'logistics',     '交通物流',   'Transport and logistics', 8, NULL),
  ('industry', 'energy',        '能源',       'Energy',                9, NULL),
  ('industry', 'government',    '政府机构',   'Government',            10, NULL),
  ('industry', 'other',         '其他',       'Other',                 11, NULL),
  ('source', 'cold_call',  '电话营销', 'Cold call',   1, NULL),
  ('source', 'website',    '网站',     'Website',     2, NULL),
  ('source', 'referral',   '客户介绍', 'Referral',    3, NULL),
  ('source', 'trade_show', '展会',     'Trade show',  4, NULL),
  ('source', 'advertising','广告',     'Advertising', 5, NULL),
  ('source', 'partner',    '合作伙伴', 'Partner',     6, NULL),
  ('source', 'other',      '其他',     'Other',       7, NULL),
  ('region', 'north',     '华北',   'North China',   1, NULL),
  ('region', 'northeast', '东北',   'Northeast China', 2, NULL),
  ('region', 'east',      '华东',   'East China',    3, NULL),
  ('region', 'central',   '华中',   'Central China', 4, NULL),
  ('region', 'south',     '华南',   'South China',   5, NULL),
  ('region', 'southwest', '西南',   'Southwest China', 6, NULL),
  ('region', 'northwest', '西北',   'Northwest China', 7, NULL),
  ('region', 'hmt',       '港澳台', 'Hong Kong, Macao and Taiwan', 8, NULL),
  ('region', 'overseas',  '海外',   'Overseas',      9, NULL),
  ('opportunity_stage', 'initial',     '初步接触', 'Initial contact',   1, 10),
  ('opportunity_stage', 'qualified',   '需求确认', 'Needs confirmed',   2, 30),
  ('opportunity_stage', 'proposal',    '方案报价', 'Proposal and quote', 3, 50),
  ('opportunity_stage', 'negotiation', '谈判',     'Negotiation',       4, 70),
  ('opportunity_stage', 'won',         '赢单',     'Won',               5, 100),
  ('opportunity_stage', 'lost',        '输单',     'Lost',              6, 0),
  ('feedback_type', 'enquiry',    '咨询', 'Enquiry',    1, NULL),
  ('feedback_type', 'suggestion', '建议', 'Suggestion', 2, NULL),
  ('feedback_type', 'complaint',  '投诉', 'Complaint',  3, NULL),
  ('feedback_type', 'repair',     '维修', 'Repair',     4, NULL),
  ('expense_category', 'travel',        '差旅费',   'Travel',        1, NULL),
  ('expense_category', 'entertainment', '招待费',   'Entertainment', 2, NULL),
  ('expense_category', 'gift',          '礼品费',   'Gifts',         3, NULL),
  ('expense_category', 'communication', '通讯费',   'Communication', 4, NULL),
  ('expense_category', 'marketing',     '市场推广', 'Marketing',     5, NULL),
  ('expense_category', 'other',         '其他',     'Other',         6, NULL),
  ('product_category', 'hardware',    '硬件',   'Hardware',    1, NULL),
  ('product_category', 'software',    '软件',   'Software',    2, NULL),
  ('product_category', 'service',     '服务',   'Services',    3, NULL),
  ('product_category', 'consumables', '耗材',   'Consumables', 4, NULL),
  ('sales_rep', 'me', '本人', 'Me', 1, NULL);
