DROP TABLE reconciliation_notes;
DROP TABLE reconciliations;
