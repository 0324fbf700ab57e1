-- The roster is derived from the register and the tree, which the writes keep it in step
-- with (ADR 0011): its foreign keys only cost two lookups a row, a third of a bulk load's
-- time on PostgreSQL (issue 9.4).
ALTER TABLE roster DROP CONSTRAINT roster_ancestor_id_fkey;
ALTER TABLE roster DROP CONSTRAINT roster_membership_id_fkey;

-- The whole tree's roll: every member on the roll is also listed under '/', so the page of an
-- account bound to no organization is a range of the index too.
INSERT INTO roster (ancestor_id, membership_id, name_folded)
SELECT DISTINCT '/', membership_id, name_folded FROM roster;
