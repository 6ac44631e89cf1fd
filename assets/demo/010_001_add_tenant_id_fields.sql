-- revision: 001_add_tenant_id_fields
-- parents: 2f6b0cbeb30c
-- message: add tenant_id to business tables

-- migrate:up
ALTER TABLE documents ADD COLUMN tenant_id TEXT;

ALTER TABLE tasks ADD COLUMN tenant_id TEXT;

ALTER TABLE business_rules ADD COLUMN tenant_id TEXT;

CREATE INDEX ix_documents_tenant ON documents (tenant_id);

-- migrate:down
DROP INDEX ix_documents_tenant;

ALTER TABLE business_rules DROP COLUMN tenant_id;

ALTER TABLE tasks DROP COLUMN tenant_id;

ALTER TABLE documents DROP COLUMN tenant_id;
