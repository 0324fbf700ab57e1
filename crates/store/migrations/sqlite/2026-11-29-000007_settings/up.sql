-- Facts about this database itself, by key: e.g. that it holds the demo and the day its
-- figures run to, so default dates end there instead of today.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
