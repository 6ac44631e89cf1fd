-- revision: 012_add_admin_config
-- parents: 011_quality_workflow
-- message: add admin configuration

-- migrate:up
CREATE TABLE admin_configurations (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT,
    updated_at TIMESTAMP
);

-- migrate:down
DROP TABLE admin_configurations;
