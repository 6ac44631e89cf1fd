-- revision: 008_add_llm_integration
-- parents: 2f6b0cbeb30c
-- branch: llm
-- message: add LLM configurations and usage logs

-- migrate:up
CREATE TABLE llm_configurations (
    id INTEGER PRIMARY KEY,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    temperature REAL NOT NULL DEFAULT 0.2,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE llm_usage_logs (
    id INTEGER PRIMARY KEY,
    configuration_id INTEGER REFERENCES llm_configurations (id),
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE llm_usage_logs;

DROP TABLE llm_configurations;
