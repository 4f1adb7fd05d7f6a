-- Solo CRM schema, version 6: indexes for 分析 (analysis). Indexes only; no data changes.
--
-- The sales analyses read a date range of sales that are not cancelled. This partial index holds
-- what they need of each such sale in date order (its rowid, the sale's id, comes with every
-- entry), so a range is one contiguous read and the sales table itself is not visited.
CREATE INDEX sales_analysis ON sales (sale_date, status, amount, customer_id, owner_id)
  WHERE status <> 'cancelled';

-- A sale's lines with the product and amount, so grouping lines by product or category reads
-- this index alone after finding each sale.
CREATE INDEX sale_lines_analysis ON sale_lines (sale_id, product_id, amount);

-- Opportunities won or lost in a range (销售漏斗: win rate, days to close, lost reasons).
CREATE INDEX opportunities_closed ON opportunities (status, closed_at);

-- Today's pipeline by stage with the amounts and probabilities, read from the index alone.
CREATE INDEX opportunities_pipeline ON opportunities (status, stage_id, expected_amount, probability);

-- An opportunity's moves up to a day, read from the index alone (conversion rates).
CREATE INDEX opportunity_stage_history_moves
  ON opportunity_stage_history (opportunity_id, changed_at, to_stage_id, from_stage_id);

-- The opportunities with a stage change in a range, read from the index alone.
CREATE INDEX opportunity_stage_history_range ON opportunity_stage_history (changed_at, opportunity_id);
