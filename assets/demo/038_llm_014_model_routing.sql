-- revision: llm_014_model_routing
-- parents: llm_013_prompt_library
-- message: route requests between models

-- migrate:up
CREATE TABLE model_routes (
    id INTEGER PRIMARY KEY,
    configuration_id INTEGER NOT NULL REFERENCES llm_configurations (id),
    match_expression TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0
);

-- migrate:down
DROP TABLE model_routes;
