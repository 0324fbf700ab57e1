ALTER TABLE membership_events DROP COLUMN record_cleared_on, DROP COLUMN approval, DROP COLUMN ground;
