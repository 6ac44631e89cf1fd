-- revision: rbac_009_row_level_policies
-- parents: rbac_008_role_inheritance
-- message: add row-level access policies

-- migrate:up
CREATE TABLE row_policies (
    id INTEGER PRIMARY KEY,
    role_id INTEGER NOT NULL REFERENCES roles (id),
    table_name TEXT NOT NULL,
    predicate TEXT NOT NULL
);

-- migrate:down
DROP TABLE row_policies;
