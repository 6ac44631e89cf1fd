-- revision: text_to_sql_003
-- parents: text_to_sql_002
-- message: collect feedback on generated SQL

-- migrate:up
CREATE TABLE sql_feedback (
    id INTEGER PRIMARY KEY,
    log_id INTEGER NOT NULL REFERENCES sql_generation_logs (id),
    rating INTEGER NOT NULL,
    comment TEXT
);

-- migrate:down
DROP TABLE sql_feedback;
