ALTER TABLE membership_events DROP COLUMN record_cleared_on;
ALTER TABLE membership_events DROP COLUMN approval;
ALTER TABLE membership_events DROP COLUMN ground;
