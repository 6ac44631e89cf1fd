-- revision: sync_001
-- parents: security_001
-- message: add data sync system tables

-- migrate:up
CREATE TABLE data_sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    config TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE sync_jobs (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES data_sources (id),
    schedule TEXT,
    enabled INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sync_rules (
    id INTEGER PRIMARY KEY,
    job_id INTEGER REFERENCES sync_jobs (id),
    expression TEXT NOT NULL
);

CREATE TABLE sync_executions (
    id INTEGER PRIMARY KEY,
    job_id INTEGER REFERENCES sync_jobs (id),
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    status TEXT
);

-- migrate:down
DROP TABLE sync_executions;

DROP TABLE sync_rules;

DROP TABLE sync_jobs;

DROP TABLE data_sources;
