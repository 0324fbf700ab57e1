-- Member registers received (issue 12): a file to import, kept between its preview and its
-- confirmation, or a register from another level to reconcile with (domain.md §3), kept so the
-- comparison runs again as its differences are settled; and the differences explained.
CREATE TABLE register_files (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    purpose TEXT NOT NULL,
    as_of DATE NOT NULL,
    file_name TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX register_files_org ON register_files(org_id, purpose, created_at);

-- A difference explained: the member's key (card number or CCCD) and the field ('' for a
-- member on one side only).
CREATE TABLE reconciliation_notes (
    file_id TEXT NOT NULL REFERENCES register_files(id),
    member_key TEXT NOT NULL,
    field TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (file_id, member_key, field)
);
