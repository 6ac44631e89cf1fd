-- revision: version_lineage_003
-- parents: version_lineage_002
-- depends-on: 20260113_mtw
-- message: snapshot lineage per workspace

-- migrate:up
CREATE TABLE lineage_snapshots (
    id INTEGER PRIMARY KEY,
    workspace_id INTEGER REFERENCES workspaces (id),
    taken_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    edge_count INTEGER NOT NULL
);

-- migrate:down
DROP TABLE lineage_snapshots;
