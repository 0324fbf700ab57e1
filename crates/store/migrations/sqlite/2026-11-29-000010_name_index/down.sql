DROP TRIGGER person_names_delete;
DROP TRIGGER person_names_update;
DROP TRIGGER person_names_insert;
DROP TABLE person_names;
DROP TABLE person_numbers;
