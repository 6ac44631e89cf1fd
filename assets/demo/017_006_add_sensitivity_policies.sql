-- revision: 006_add_sensitivity_policies
-- parents: 005_audit_storage_optimization
-- message: add data sensitivity policies

-- migrate:up
CREATE TABLE sensitivity_policies (
    id INTEGER PRIMARY KEY,
    classification TEXT NOT NULL,
    retention_days INTEGER,
    requires_masking INTEGER NOT NULL DEFAULT 0
);

-- migrate:down
DROP TABLE sensitivity_policies;
