-- revision: d01fd5049733
-- parents: none
-- message: create initial schema: documents, tasks, billing, quality issues

-- migrate:up
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    status TEXT NOT NULL DEFAULT 'open',
    assignee TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE billing_records (
    id INTEGER PRIMARY KEY,
    task_id INTEGER REFERENCES tasks (id),
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL DEFAULT 'EUR',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE quality_issues (
    id INTEGER PRIMARY KEY,
    task_id INTEGER REFERENCES tasks (id),
    severity TEXT NOT NULL,
    description TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE quality_issues;

DROP TABLE billing_records;

DROP TABLE tasks;

DROP TABLE documents;
