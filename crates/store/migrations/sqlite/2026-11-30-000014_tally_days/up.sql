-- The tally's latest day in one seek (ADR 0013): when nothing changes after a date, what is
-- on the roll that day is what is on it now, read from the "now" rows of each organization
-- (the tree and an organization's page count their units that way).
CREATE INDEX tally_day ON tally(day);
