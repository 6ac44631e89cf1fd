-- revision: rbac_008_role_inheritance
-- parents: 007_add_audit_integrity_support
-- message: add role inheritance

-- migrate:up
CREATE TABLE role_hierarchy (
    id INTEGER PRIMARY KEY,
    parent_role_id INTEGER NOT NULL REFERENCES roles (id),
    child_role_id INTEGER NOT NULL REFERENCES roles (id)
);

-- migrate:down
DROP TABLE role_hierarchy;
