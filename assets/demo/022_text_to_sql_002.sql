-- revision: text_to_sql_002
-- parents: text_to_sql_001
-- message: add reusable query templates

-- migrate:up
CREATE TABLE query_templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    template_sql TEXT NOT NULL,
    parameters TEXT
);

-- migrate:down
DROP TABLE query_templates;
