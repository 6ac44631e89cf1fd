-- revision: 009_ai_annotation
-- parents: 008_add_llm_integration
-- message: add AI annotation plugins

-- migrate:up
CREATE TABLE annotation_plugins (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    version TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE ai_annotations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    plugin_id INTEGER REFERENCES annotation_plugins (id),
    label TEXT,
    confidence REAL
);

-- migrate:down
DROP TABLE ai_annotations;

DROP TABLE annotation_plugins;
