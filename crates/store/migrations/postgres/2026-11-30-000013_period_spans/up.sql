-- A unit's members on a date are counted from the periods of its organizations (the tree, the
-- organization page): with the span and the status in the index, the count reads the index
-- alone instead of every period's row (issue 9: the tree of a district, 21 -> 13 ms of SQL in
-- SQLite). The old index is the new one's prefix.
CREATE INDEX membership_periods_span ON membership_periods(org_id, valid_from, valid_to, status);
DROP INDEX membership_periods_org;
