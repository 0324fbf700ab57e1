-- Meetings recorded by mistake and deleted, with the reason: the register still lists them
-- as deleted, the audit trail keeps their full record, and no count includes them.
CREATE TABLE deleted_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    kind TEXT NOT NULL,
    held_on DATE NOT NULL,
    topic TEXT NOT NULL,
    reason TEXT NOT NULL,
    deleted_by TEXT NOT NULL,
    deleted_at TIMESTAMP NOT NULL
);
CREATE INDEX deleted_meetings_org ON deleted_meetings(org_id, held_on);
