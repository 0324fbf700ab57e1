-- Searching members by any part of the folded name ("van an" finds "Nguyễn Văn An") without
-- scanning every person: a trigram index serves LIKE '%…%' on PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX persons_name_trgm ON persons USING gin (name_folded gin_trgm_ops);
-- Card numbers are searched by their beginning, whatever the case.
CREATE INDEX memberships_card_lower ON memberships (lower(card_number) text_pattern_ops);
