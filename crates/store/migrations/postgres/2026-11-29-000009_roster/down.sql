DROP TABLE roster;
