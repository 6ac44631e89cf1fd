-- revision: sync_pipeline_001
-- parents: sync_002
-- message: add sync pipelines

-- migrate:up
CREATE TABLE sync_pipelines (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    stages TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1
);

-- migrate:down
DROP TABLE sync_pipelines;
