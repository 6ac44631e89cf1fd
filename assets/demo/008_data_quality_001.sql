-- revision: data_quality_001
-- parents: business_003
-- message: add data quality scores and masking rules

-- migrate:up
CREATE TABLE data_quality_scores (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    score REAL NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE data_masking_rules (
    id INTEGER PRIMARY KEY,
    column_pattern TEXT NOT NULL,
    strategy TEXT NOT NULL DEFAULT 'hash'
);

-- migrate:down
DROP TABLE data_masking_rules;

DROP TABLE data_quality_scores;
