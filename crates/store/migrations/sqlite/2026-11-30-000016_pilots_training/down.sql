DROP TABLE enrollments;
DROP TABLE training_classes;
DROP TABLE pilot_actions;
DROP TABLE pilot_visits;
DROP TABLE pilot_followers;
DROP TABLE pilots;
