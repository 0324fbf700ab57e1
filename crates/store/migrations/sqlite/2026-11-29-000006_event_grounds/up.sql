-- What a lifecycle event rests on beyond its decision: why the member left (the re-admission
-- rules depend on it), the higher body's written consent or decision (a re-admission, an
-- admission over 60), and the day a criminal record was cleared.
ALTER TABLE membership_events ADD COLUMN ground TEXT;
ALTER TABLE membership_events ADD COLUMN approval TEXT NOT NULL DEFAULT '';
ALTER TABLE membership_events ADD COLUMN record_cleared_on DATE;
