-- The roster is derived from the register and the tree, which the writes keep it in step
-- with (ADR 0011): its foreign keys only cost two lookups a row (issue 9.4). SQLite drops a
-- constraint by copying the table.
CREATE TABLE roster_new (
    ancestor_id TEXT NOT NULL,
    membership_id TEXT NOT NULL,
    name_folded TEXT NOT NULL,
    PRIMARY KEY (ancestor_id, membership_id)
);
INSERT INTO roster_new SELECT ancestor_id, membership_id, name_folded FROM roster;
DROP TABLE roster;
ALTER TABLE roster_new RENAME TO roster;
CREATE UNIQUE INDEX roster_by_name ON roster(ancestor_id, name_folded, membership_id);
CREATE INDEX roster_membership ON roster(membership_id);

-- The whole tree's roll: every member on the roll is also listed under '/', so the page of an
-- account bound to no organization is a range of the index too.
INSERT INTO roster (ancestor_id, membership_id, name_folded)
SELECT DISTINCT '/', membership_id, name_folded FROM roster;
