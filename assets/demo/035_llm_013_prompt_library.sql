-- revision: llm_013_prompt_library
-- parents: merge_llm_text_to_sql
-- message: add a shared prompt library

-- migrate:up
CREATE TABLE prompt_templates (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- migrate:down
DROP TABLE prompt_templates;
