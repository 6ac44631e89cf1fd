-- revision: version_lineage_002
-- parents: version_lineage_001, sync_pipeline_001
-- message: merge sync pipelines into lineage; add lineage edges

-- migrate:up
CREATE TABLE lineage_edges (
    id INTEGER PRIMARY KEY,
    from_version_id INTEGER NOT NULL REFERENCES data_versions (id),
    to_version_id INTEGER NOT NULL REFERENCES data_versions (id),
    pipeline_id INTEGER REFERENCES sync_pipelines (id)
);

-- migrate:down
DROP TABLE lineage_edges;
