-- revision: 011_quality_workflow
-- parents: 010_collab_workflow
-- message: add quality scores, rules and workflows

-- migrate:up
CREATE TABLE quality_rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    threshold REAL NOT NULL
);

CREATE TABLE quality_scores (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    rule_id INTEGER REFERENCES quality_rules (id),
    score REAL NOT NULL
);

CREATE TABLE quality_workflows (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    steps TEXT NOT NULL
);

-- migrate:down
DROP TABLE quality_workflows;

DROP TABLE quality_scores;

DROP TABLE quality_rules;
