-- Solo CRM schema, version 7: an index for the customer analyses (RFM, churn warnings). Index
-- only; no data changes.
--
-- RFM and the churn warnings read every customer's sales that are not cancelled up to a day,
-- grouped by customer: last sale date, number of sales, amount. This partial index holds exactly
-- that in customer then date order, so the grouping is one pass over the index with no sort.
-- The status is a column too: SQLite reads the condition from the index entry instead of
-- visiting the sales table for every sale.
CREATE INDEX sales_customer_revenue ON sales (customer_id, sale_date, amount, status)
  WHERE status <> 'cancelled';
