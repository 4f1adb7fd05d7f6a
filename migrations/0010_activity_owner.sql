-- Solo CRM schema, version 10: an activity (行动) has an owner 业务员, as opportunities, sales and
-- expenses do. The column points into base_items like theirs; the trash and the base-data
-- merge and usage find it through this foreign key. Activities made before it have none.
ALTER TABLE activities ADD COLUMN owner_id INTEGER REFERENCES base_items (id);
CREATE INDEX activities_owner ON activities (owner_id);
