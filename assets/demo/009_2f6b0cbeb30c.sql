-- revision: 2f6b0cbeb30c
-- parents: sync_002, data_quality_001
-- message: merge sync and business logic

-- migrate:up
-- A merge point: no schema change.

-- migrate:down
-- Nothing to undo.
