-- Solo CRM schema, version 9: the file's own settings, as keys and values.
--
-- Keys in use (src-main/records/settings.ts reads and writes them):
--   set_up_at       when the file was set up (first-run template chosen or skipped); absent = not yet
--   template        the industry template last chosen (src-main/contract/templates.ts), if any
--   current_rep_id  the sales_rep entry new records take as their 业务员, if one was chosen
-- A value that no longer fits (a template this version does not know, a rep since deleted) is
-- read as absent, so nothing here needs a foreign key.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- A file made before this version that was already in use counts as set up: its lists are the
-- user's, and the first-run question would only get in the way. "In use" is any record, any
-- code ever handed out, anything in the trash, a custom field or a base-data entry the user added.
INSERT INTO settings (key, value)
SELECT 'set_up_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE EXISTS (SELECT 1 FROM customers)
   OR EXISTS (SELECT 1 FROM contacts)
   OR EXISTS (SELECT 1 FROM products)
   OR EXISTS (SELECT 1 FROM opportunities)
   OR EXISTS (SELECT 1 FROM sales)
   OR EXISTS (SELECT 1 FROM activities)
   OR EXISTS (SELECT 1 FROM feedback)
   OR EXISTS (SELECT 1 FROM expenses)
   OR EXISTS (SELECT 1 FROM trash)
   OR EXISTS (SELECT 1 FROM custom_fields)
   OR EXISTS (SELECT 1 FROM code_counters)
   OR EXISTS (SELECT 1 FROM base_items WHERE key IS NULL);
