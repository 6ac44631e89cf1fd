-- revision: add_business_logic_001
-- parents: security_001
-- message: add business logic tables: rules, patterns, insights

-- migrate:up
CREATE TABLE business_rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE business_patterns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    pattern TEXT NOT NULL
);

CREATE TABLE business_insights (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER REFERENCES business_rules (id),
    summary TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE business_insights;

DROP TABLE business_patterns;

DROP TABLE business_rules;
