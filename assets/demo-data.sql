-- Sample data for the demo database, loaded after its first migrations so every screen has
-- something to show (row counts, sizes, what a reset destroys). Deterministic: same rows every time.
-- Written for both engines: ids are given (a PostgreSQL INTEGER PRIMARY KEY has no default, unlike
-- SQLite's rowid), and no function only one engine has (SQLite's printf, PostgreSQL's lpad).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 24)
INSERT INTO users (id, email, display_name)
SELECT i, 'analyst' || i || '@northwind.example', 'Analyst ' || i FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
INSERT INTO documents (id, title, body)
SELECT i, 'Contract ' || substr(CAST(10000 + i AS TEXT), 2), 'Scanned contract ' || i || ' awaiting annotation.' FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
INSERT INTO tasks (id, document_id, status, assignee)
SELECT i, 1 + (i % 400), CASE i % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'in review' WHEN 2 THEN 'done' ELSE 'blocked' END,
       'analyst' || (1 + i % 24) || '@northwind.example'
FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800)
INSERT INTO billing_records (id, task_id, amount_cents, currency)
SELECT i, 1 + (i * 7) % 1200, 1500 + (i * 37) % 9000, CASE WHEN i % 5 = 0 THEN 'USD' ELSE 'EUR' END FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)
INSERT INTO quality_issues (id, task_id, severity, description)
SELECT i, 1 + (i * 13) % 1200, CASE i % 3 WHEN 0 THEN 'low' WHEN 1 THEN 'medium' ELSE 'high' END, 'Label disagreement on page ' || (i % 12 + 1) FROM n;

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO audit_logs (id, user_id, action, target)
SELECT i, 1 + i % 24, CASE i % 3 WHEN 0 THEN 'document.view' WHEN 1 THEN 'task.update' ELSE 'login' END, 'documents/' || (1 + i % 400) FROM n;

INSERT INTO data_sources (id, name, kind, config) VALUES
  (1, 'CRM export', 'postgres', '{"schema":"crm"}'),
  (2, 'Scanned contracts', 's3', '{"bucket":"contracts"}'),
  (3, 'Label Studio', 'http', '{"project":7}');

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO sync_jobs (id, source_id, schedule, enabled)
SELECT i, 1 + i % 3, CASE i % 2 WHEN 0 THEN '@hourly' ELSE '@daily' END, CASE WHEN i % 5 = 0 THEN 0 ELSE 1 END FROM n;
