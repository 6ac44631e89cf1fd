-- revision: business_003
-- parents: business_002
-- message: add business notifications and industry datasets

-- migrate:up
CREATE TABLE business_logic_notifications (
    id INTEGER PRIMARY KEY,
    insight_id INTEGER REFERENCES business_insights (id),
    channel TEXT NOT NULL,
    sent_at TIMESTAMP
);

CREATE TABLE industry_datasets (
    id INTEGER PRIMARY KEY,
    industry TEXT NOT NULL,
    name TEXT NOT NULL,
    rows_count INTEGER
);

-- migrate:down
DROP TABLE industry_datasets;

DROP TABLE business_logic_notifications;
