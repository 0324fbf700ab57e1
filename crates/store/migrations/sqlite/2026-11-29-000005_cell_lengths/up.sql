-- The length a competent committee set, by its decision, for one cell with few members
-- (Hướng dẫn 42-HD/BTCTW); meetings of that cell under 42-HD are judged by it.
CREATE TABLE cell_lengths (
    id TEXT PRIMARY KEY NOT NULL,
    org_id TEXT NOT NULL REFERENCES organizations(id),
    min_minutes INTEGER NOT NULL,
    min_combined_minutes INTEGER NOT NULL,
    decision TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX cell_lengths_org ON cell_lengths(org_id, valid_from);
