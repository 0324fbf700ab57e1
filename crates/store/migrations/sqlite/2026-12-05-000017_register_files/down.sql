DROP TABLE reconciliation_notes;
DROP TABLE register_files;
