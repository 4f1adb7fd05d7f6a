-- Solo CRM schema, version 8: running totals for 分析, so the funnel and the composition read a
-- few hundred rows instead of a year of sale lines or opportunity histories.
--
-- Nothing but the triggers below (and src-main/analysis/rollups.ts) writes these tables, and none
-- has a foreign key: they are derived from the records, so the trash, imports and merges need not
-- know about them. Two kinds:
--   * Sums (pipeline_by_stage, customer_sales_totals) are kept exact by the triggers themselves.
--   * Counts of distinct records (orders per category and day; each opportunity's furthest stage,
--     which depends on the order of the stages) cannot be adjusted row by row. Their triggers only
--     mark what changed as stale; rollups.ts recomputes the stale days or opportunities from the
--     records, with the same query that defines them, before an analysis reads them.

-- 漏斗: today's open opportunities by stage. Weighted = Σ expected × probability / 100, each
-- opportunity's share rounded half up in integers, as analysis.funnel defines it.
CREATE TABLE pipeline_by_stage (
  stage_id      INTEGER PRIMARY KEY,
  opportunities INTEGER NOT NULL,
  amount        INTEGER NOT NULL,
  weighted      INTEGER NOT NULL
);
CREATE TRIGGER opportunities_pipeline_insert AFTER INSERT ON opportunities WHEN new.status = 'open' BEGIN
  INSERT INTO pipeline_by_stage (stage_id, opportunities, amount, weighted)
  VALUES (new.stage_id, 1, new.expected_amount, (new.expected_amount * new.probability + 50) / 100)
  ON CONFLICT (stage_id) DO UPDATE SET opportunities = opportunities + 1,
    amount = amount + excluded.amount, weighted = weighted + excluded.weighted;
END;
CREATE TRIGGER opportunities_pipeline_delete AFTER DELETE ON opportunities WHEN old.status = 'open' BEGIN
  UPDATE pipeline_by_stage SET opportunities = opportunities - 1, amount = amount - old.expected_amount,
    weighted = weighted - (old.expected_amount * old.probability + 50) / 100
  WHERE stage_id = old.stage_id;
END;
CREATE TRIGGER opportunities_pipeline_update
AFTER UPDATE OF status, stage_id, expected_amount, probability ON opportunities BEGIN
  UPDATE pipeline_by_stage SET opportunities = opportunities - 1, amount = amount - old.expected_amount,
    weighted = weighted - (old.expected_amount * old.probability + 50) / 100
  WHERE stage_id = old.stage_id AND old.status = 'open';
  INSERT INTO pipeline_by_stage (stage_id, opportunities, amount, weighted)
  SELECT new.stage_id, 1, new.expected_amount, (new.expected_amount * new.probability + 50) / 100
  WHERE new.status = 'open'
  ON CONFLICT (stage_id) DO UPDATE SET opportunities = opportunities + 1,
    amount = amount + excluded.amount, weighted = weighted + excluded.weighted;
END;
INSERT INTO pipeline_by_stage (stage_id, opportunities, amount, weighted)
SELECT stage_id, count(*), sum(expected_amount), sum((expected_amount * probability + 50) / 100)
FROM opportunities WHERE status = 'open' GROUP BY stage_id;

-- 构成 by customer: each customer's sales that are not cancelled, all time. A customer's amount
-- in any range is at most this, so the largest customers of a range are found by going down this
-- index and stopping once the next total cannot reach the top N (analysis/composition.ts).
CREATE TABLE customer_sales_totals (
  customer_id INTEGER PRIMARY KEY,
  amount      INTEGER NOT NULL
);
CREATE INDEX customer_sales_totals_amount ON customer_sales_totals (amount, customer_id);
CREATE TRIGGER sales_customer_totals_insert AFTER INSERT ON sales WHEN new.status <> 'cancelled' BEGIN
  INSERT INTO customer_sales_totals (customer_id, amount) VALUES (new.customer_id, new.amount)
  ON CONFLICT (customer_id) DO UPDATE SET amount = amount + excluded.amount;
END;
CREATE TRIGGER sales_customer_totals_delete AFTER DELETE ON sales WHEN old.status <> 'cancelled' BEGIN
  UPDATE customer_sales_totals SET amount = amount - old.amount WHERE customer_id = old.customer_id;
END;
CREATE TRIGGER sales_customer_totals_update AFTER UPDATE OF customer_id, amount, status ON sales BEGIN
  UPDATE customer_sales_totals SET amount = amount - old.amount
  WHERE customer_id = old.customer_id AND old.status <> 'cancelled';
  INSERT INTO customer_sales_totals (customer_id, amount)
  SELECT new.customer_id, new.amount WHERE new.status <> 'cancelled'
  ON CONFLICT (customer_id) DO UPDATE SET amount = amount + excluded.amount;
END;
INSERT INTO customer_sales_totals (customer_id, amount)
SELECT customer_id, sum(amount) FROM sales WHERE status <> 'cancelled' GROUP BY customer_id;

-- 构成 by customer, how many customers bought in a range: the sales that count (not cancelled,
-- with a line or an amount), each with the date of the same customer's counted sale before it
-- (by date, then id). A customer bought in a range exactly when one of its sales there has no
-- earlier one in the range, so the customers are counted from one index range, unsorted. The
-- previous sale moves with every change to a customer's sales: stale marks, by customer; 0 = all.
CREATE TABLE customer_sale_sequence (
  sale_id       INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL,
  sale_date     TEXT    NOT NULL,
  previous_date TEXT,
  amount        INTEGER NOT NULL
);
CREATE INDEX customer_sale_sequence_range ON customer_sale_sequence (sale_date, previous_date, amount);
CREATE INDEX customer_sale_sequence_customer ON customer_sale_sequence (customer_id);
CREATE TABLE customer_sale_sequence_stale (customer_id INTEGER PRIMARY KEY);
CREATE TRIGGER customer_sale_sequence_sale_insert AFTER INSERT ON sales BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale VALUES (new.customer_id);
END;
CREATE TRIGGER customer_sale_sequence_sale_update
AFTER UPDATE OF customer_id, sale_date, status, amount ON sales BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale VALUES (old.customer_id), (new.customer_id);
END;
CREATE TRIGGER customer_sale_sequence_sale_delete AFTER DELETE ON sales BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale VALUES (old.customer_id);
END;
-- A sale without an amount counts once it has a line.
CREATE TRIGGER customer_sale_sequence_line_insert AFTER INSERT ON sale_lines BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale SELECT customer_id FROM sales WHERE id = new.sale_id;
END;
CREATE TRIGGER customer_sale_sequence_line_delete AFTER DELETE ON sale_lines BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale SELECT customer_id FROM sales WHERE id = old.sale_id;
END;
CREATE TRIGGER customer_sale_sequence_line_move AFTER UPDATE OF sale_id ON sale_lines BEGIN
  INSERT OR IGNORE INTO customer_sale_sequence_stale
  SELECT customer_id FROM sales WHERE id IN (old.sale_id, new.sale_id);
END;
INSERT INTO customer_sale_sequence_stale VALUES (0);

-- 构成 by product category: per day and category (0: products without one), the line amounts of
-- the sales that are not cancelled and the number of those sales with a line in the category.
-- A sale falls on one day, so orders add up over days; not over categories.
CREATE TABLE sales_category_days (
  sale_date   TEXT    NOT NULL,
  category_id INTEGER NOT NULL,
  amount      INTEGER NOT NULL,
  orders      INTEGER NOT NULL,
  PRIMARY KEY (sale_date, category_id)
) WITHOUT ROWID;
CREATE TABLE sales_category_days_stale (sale_date TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER sales_category_days_sale_update AFTER UPDATE OF sale_date, status ON sales BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale VALUES (old.sale_date), (new.sale_date);
END;
CREATE TRIGGER sales_category_days_sale_delete AFTER DELETE ON sales BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale VALUES (old.sale_date);
END;
CREATE TRIGGER sales_category_days_line_insert AFTER INSERT ON sale_lines BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale SELECT sale_date FROM sales WHERE id = new.sale_id;
END;
CREATE TRIGGER sales_category_days_line_delete AFTER DELETE ON sale_lines BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale SELECT sale_date FROM sales WHERE id = old.sale_id;
END;
CREATE TRIGGER sales_category_days_line_update AFTER UPDATE OF sale_id, product_id, amount ON sale_lines BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale
  SELECT sale_date FROM sales WHERE id IN (old.sale_id, new.sale_id);
END;
CREATE TRIGGER sales_category_days_product_update AFTER UPDATE OF category_id ON products
WHEN new.category_id IS NOT old.category_id BEGIN
  INSERT OR IGNORE INTO sales_category_days_stale
  SELECT DISTINCT s.sale_date FROM sale_lines l JOIN sales s ON s.id = l.sale_id WHERE l.product_id = new.id;
END;
INSERT INTO sales_category_days_stale SELECT DISTINCT sale_date FROM sales;

-- 漏斗 conversions: each opportunity's creation time and the furthest stage it has reached (by
-- the base-data order, 赢单 last; moves only, not rows from a stage to itself). A stale id 0 means
-- every opportunity: the order of the stages changed.
CREATE TABLE opportunity_furthest (
  opportunity_id INTEGER PRIMARY KEY,
  created_at     TEXT NOT NULL,
  stage_id       INTEGER
);
CREATE INDEX opportunity_furthest_stage ON opportunity_furthest (stage_id, created_at);
CREATE TABLE opportunity_furthest_stale (opportunity_id INTEGER PRIMARY KEY);
CREATE TRIGGER opportunity_furthest_insert AFTER INSERT ON opportunities BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (new.id);
END;
CREATE TRIGGER opportunity_furthest_delete AFTER DELETE ON opportunities BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (old.id);
END;
CREATE TRIGGER opportunity_furthest_move AFTER INSERT ON opportunity_stage_history BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (new.opportunity_id);
END;
CREATE TRIGGER opportunity_furthest_move_update AFTER UPDATE ON opportunity_stage_history BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (old.opportunity_id), (new.opportunity_id);
END;
CREATE TRIGGER opportunity_furthest_move_delete AFTER DELETE ON opportunity_stage_history BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (old.opportunity_id);
END;
CREATE TRIGGER opportunity_furthest_stage_order AFTER UPDATE OF sort_order, active, key ON base_items
WHEN new.kind = 'opportunity_stage' BEGIN
  INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (0);
END;
INSERT INTO opportunity_furthest_stale VALUES (0);

-- Won and lost in a range with the days to close and the reasons, read from the index alone.
DROP INDEX opportunities_closed;
CREATE INDEX opportunities_closed ON opportunities (status, closed_at, created_at, lost_reason);
-- The pipeline by stage is pipeline_by_stage now; a filtered pipeline starts from the owner or
-- the customers, so this index would only cost every opportunity write.
DROP INDEX opportunities_pipeline;
