-- PostgreSQL adds a trigram index for name search here; SQLite has no such index type and
-- searches the folded names (persons_name) directly. Kept so both backends share one history.
SELECT 1;
