-- revision: merge_llm_text_to_sql
-- parents: 012_add_admin_config, text_to_sql_003
-- message: merge LLM and text-to-SQL

-- migrate:up
-- A merge point: no schema change.

-- migrate:down
-- Nothing to undo.
