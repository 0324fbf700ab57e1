DROP TABLE disciplines;
DROP TABLE inspections;
DROP TABLE member_ratings;
DROP TABLE org_ratings;
