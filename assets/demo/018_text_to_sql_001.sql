-- revision: text_to_sql_001
-- parents: 008_add_llm_integration
-- branch: text_to_sql
-- message: add text-to-SQL configurations and generation logs

-- migrate:up
CREATE TABLE text_to_sql_configurations (
    id INTEGER PRIMARY KEY,
    configuration_id INTEGER REFERENCES llm_configurations (id),
    dialect TEXT NOT NULL DEFAULT 'postgresql',
    max_rows INTEGER NOT NULL DEFAULT 1000
);

CREATE TABLE sql_generation_logs (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    generated_sql TEXT,
    accepted INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE sql_generation_logs;

DROP TABLE text_to_sql_configurations;
