DELETE FROM roster WHERE ancestor_id = '/';
CREATE TABLE roster_old (
    ancestor_id TEXT NOT NULL REFERENCES organizations(id),
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    name_folded TEXT NOT NULL,
    PRIMARY KEY (ancestor_id, membership_id)
);
INSERT INTO roster_old SELECT ancestor_id, membership_id, name_folded FROM roster;
DROP TABLE roster;
ALTER TABLE roster_old RENAME TO roster;
CREATE UNIQUE INDEX roster_by_name ON roster(ancestor_id, name_folded, membership_id);
CREATE INDEX roster_membership ON roster(membership_id);
