-- revision: 010_collab_workflow
-- parents: 009_ai_annotation
-- message: add collaborative review workflow

-- migrate:up
CREATE TABLE collab_sessions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents (id),
    opened_by INTEGER REFERENCES users (id),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES collab_sessions (id),
    author_id INTEGER REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- migrate:down
DROP TABLE review_comments;

DROP TABLE collab_sessions;
