-- revision: version_lineage_001
-- parents: sync_002
-- branch: lineage
-- message: add data version tracking

-- migrate:up
CREATE TABLE data_versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    version INTEGER NOT NULL,
    checksum TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE data_versions;
