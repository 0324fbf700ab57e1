-- The current roster by ancestor (ADR 0011): one row per member on the roll and per
-- organization above them (their own included), in name order. A unit's register page is a
-- range of this index, whatever the unit's size; the writes that change a membership, a
-- person's name or the tree keep it in step.
CREATE TABLE roster (
    ancestor_id TEXT NOT NULL REFERENCES organizations(id),
    membership_id TEXT NOT NULL REFERENCES memberships(id),
    name_folded TEXT NOT NULL,
    PRIMARY KEY (ancestor_id, membership_id)
);
CREATE UNIQUE INDEX roster_by_name ON roster(ancestor_id, name_folded, membership_id);
CREATE INDEX roster_membership ON roster(membership_id);

INSERT INTO roster (ancestor_id, membership_id, name_folded)
SELECT a.org_id, m.id, p.name_folded
FROM memberships m
JOIN persons p ON p.id = m.person_id
JOIN org_versions v ON v.org_id = m.org_id AND v.valid_to IS NULL
JOIN org_versions a ON a.valid_to IS NULL AND v.path >= a.path AND v.path < a.path || '~'
WHERE m.status IN ('probationary', 'official', 'exempted');
