-- SQLite's name index (ADR 0012); PostgreSQL has had its trigram index since migration 000003
-- (ADR 0007). Kept so both backends share one history.
SELECT 1;
