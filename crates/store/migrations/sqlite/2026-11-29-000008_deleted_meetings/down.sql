DROP TABLE deleted_meetings;
