-- revision: version_lineage_004
-- parents: version_lineage_003
-- message: add lineage retention policies

-- migrate:up
CREATE TABLE lineage_retention_policies (
    id INTEGER PRIMARY KEY,
    keep_days INTEGER NOT NULL,
    applies_to TEXT NOT NULL DEFAULT 'all'
);

-- migrate:down
DROP TABLE lineage_retention_policies;
