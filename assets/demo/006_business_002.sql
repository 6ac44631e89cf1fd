-- revision: business_002
-- parents: add_business_logic_001
-- message: record rule applications and analysis history

-- migrate:up
CREATE TABLE business_rule_applications (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER NOT NULL REFERENCES business_rules (id),
    document_id INTEGER REFERENCES documents (id),
    outcome TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE business_logic_analysis_history (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER REFERENCES business_rules (id),
    metrics TEXT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE business_logic_analysis_history;

DROP TABLE business_rule_applications;
