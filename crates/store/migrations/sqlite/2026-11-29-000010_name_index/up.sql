-- Whole-tree name search by index on SQLite (ADR 0012): an FTS5 trigram index over the folded
-- names answers `LIKE '%…%'` from the index. FTS rows are numbered by person_numbers (an
-- INTEGER PRIMARY KEY, which VACUUM keeps), and triggers keep both in step with persons.
CREATE TABLE person_numbers (
    n INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL UNIQUE REFERENCES persons(id)
);
CREATE VIRTUAL TABLE person_names USING fts5(name_folded, tokenize = 'trigram');

INSERT INTO person_numbers (person_id) SELECT id FROM persons ORDER BY id;
INSERT INTO person_names (rowid, name_folded)
SELECT n.n, p.name_folded FROM person_numbers n JOIN persons p ON p.id = n.person_id;

CREATE TRIGGER person_names_insert AFTER INSERT ON persons BEGIN
    INSERT INTO person_numbers (person_id) VALUES (new.id);
    INSERT INTO person_names (rowid, name_folded)
    VALUES ((SELECT n FROM person_numbers WHERE person_id = new.id), new.name_folded);
END;
CREATE TRIGGER person_names_update AFTER UPDATE OF name_folded ON persons BEGIN
    DELETE FROM person_names WHERE rowid = (SELECT n FROM person_numbers WHERE person_id = old.id);
    INSERT INTO person_names (rowid, name_folded)
    VALUES ((SELECT n FROM person_numbers WHERE person_id = new.id), new.name_folded);
END;
CREATE TRIGGER person_names_delete AFTER DELETE ON persons BEGIN
    DELETE FROM person_names WHERE rowid = (SELECT n FROM person_numbers WHERE person_id = old.id);
    DELETE FROM person_numbers WHERE person_id = old.id;
END;
