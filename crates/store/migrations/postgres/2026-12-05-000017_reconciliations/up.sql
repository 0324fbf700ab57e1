-- Reconciling a unit's member register with another level's (domain.md §3, issue 12): the file
-- received, kept so the comparison can be run again as its differences are settled, and the
-- differences marked as explained.
CREATE TABLE reconciliations (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    as_of DATE NOT NULL,
    file_name TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX reconciliations_org ON reconciliations(org_id, created_at);

-- A difference explained: the member's key (card number or CCCD) and the field ('' for a
-- member on one side only).
CREATE TABLE reconciliation_notes (
    reconciliation_id TEXT NOT NULL REFERENCES reconciliations(id),
    member_key TEXT NOT NULL,
    field TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (reconciliation_id, member_key, field)
);
