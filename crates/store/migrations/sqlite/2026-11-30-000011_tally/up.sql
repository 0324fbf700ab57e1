-- Member and organization counts by ancestor and day (ADR 0013): a delta per organization
-- above a change (its own included, and '/' for the whole tree), per measure ('m:' and a
-- member status, 'k:' and an organization kind) and per day. A unit's statistics on a date
-- are the sums of its deltas up to that date: one range of the key, whatever the unit's size.
-- The writes of periods and versions keep it; `coso_store::tally::rebuild` fills it (run by
-- `Db::migrate` when it is empty and the tree is not).
CREATE TABLE tally (
    ancestor_id TEXT NOT NULL,
    measure TEXT NOT NULL,
    day DATE NOT NULL,
    delta INTEGER NOT NULL,
    PRIMARY KEY (ancestor_id, measure, day)
);
