-- Solo CRM schema, version 5: an index of custom-field values, for list filters.
--
-- The values stay in each record's `custom` JSON column (see 0004); this table mirrors them, one
-- row per value (one per choice of a multiple-choice field), kept by triggers, so a filter on a
-- custom field is an index lookup instead of reading every record's JSON. Nothing else writes it.
CREATE TABLE custom_value_index (
  entity    TEXT    NOT NULL,
  record_id INTEGER NOT NULL,
  field_id  INTEGER NOT NULL,
  -- No type: a number stays a number and a text stays a text, so comparisons match json_extract.
  value     NOT NULL,
  PRIMARY KEY (field_id, value, record_id)
) WITHOUT ROWID;
CREATE INDEX custom_value_index_record ON custom_value_index (entity, record_id);

CREATE TRIGGER customers_custom_insert AFTER INSERT ON customers WHEN new.custom <> '{}' BEGIN
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'customers', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER customers_custom_update AFTER UPDATE OF custom ON customers WHEN new.custom IS NOT old.custom BEGIN
  DELETE FROM custom_value_index WHERE entity = 'customers' AND record_id = old.id;
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'customers', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER customers_custom_delete AFTER DELETE ON customers WHEN old.custom <> '{}' BEGIN
  DELETE FROM custom_value_index WHERE entity = 'customers' AND record_id = old.id;
END;
INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
SELECT 'customers', r.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
FROM customers r, json_each(r.custom) j
LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
WHERE r.custom <> '{}' AND j.type <> 'null';

CREATE TRIGGER contacts_custom_insert AFTER INSERT ON contacts WHEN new.custom <> '{}' BEGIN
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'contacts', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER contacts_custom_update AFTER UPDATE OF custom ON contacts WHEN new.custom IS NOT old.custom BEGIN
  DELETE FROM custom_value_index WHERE entity = 'contacts' AND record_id = old.id;
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'contacts', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER contacts_custom_delete AFTER DELETE ON contacts WHEN old.custom <> '{}' BEGIN
  DELETE FROM custom_value_index WHERE entity = 'contacts' AND record_id = old.id;
END;
INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
SELECT 'contacts', r.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
FROM contacts r, json_each(r.custom) j
LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
WHERE r.custom <> '{}' AND j.type <> 'null';

CREATE TRIGGER opportunities_custom_insert AFTER INSERT ON opportunities WHEN new.custom <> '{}' BEGIN
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'opportunities', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER opportunities_custom_update AFTER UPDATE OF custom ON opportunities WHEN new.custom IS NOT old.custom BEGIN
  DELETE FROM custom_value_index WHERE entity = 'opportunities' AND record_id = old.id;
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'opportunities', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER opportunities_custom_delete AFTER DELETE ON opportunities WHEN old.custom <> '{}' BEGIN
  DELETE FROM custom_value_index WHERE entity = 'opportunities' AND record_id = old.id;
END;
INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
SELECT 'opportunities', r.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
FROM opportunities r, json_each(r.custom) j
LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
WHERE r.custom <> '{}' AND j.type <> 'null';

CREATE TRIGGER sales_custom_insert AFTER INSERT ON sales WHEN new.custom <> '{}' BEGIN
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'sales', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER sales_custom_update AFTER UPDATE OF custom ON sales WHEN new.custom IS NOT old.custom BEGIN
  DELETE FROM custom_value_index WHERE entity = 'sales' AND record_id = old.id;
  INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
  SELECT 'sales', new.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
  FROM json_each(new.custom) j
  LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
  WHERE j.type <> 'null';
END;
CREATE TRIGGER sales_custom_delete AFTER DELETE ON sales WHEN old.custom <> '{}' BEGIN
  DELETE FROM custom_value_index WHERE entity = 'sales' AND record_id = old.id;
END;
INSERT OR IGNORE INTO custom_value_index (entity, record_id, field_id, value)
SELECT 'sales', r.id, CAST(j.key AS INTEGER), coalesce(e.value, j.value)
FROM sales r, json_each(r.custom) j
LEFT JOIN json_each(CASE WHEN j.type = 'array' THEN j.value END) e
WHERE r.custom <> '{}' AND j.type <> 'null';
