DROP TABLE superior_attendances;
DROP TABLE superior_assignments;
DROP TABLE quota_policies;
DROP TABLE meeting_absences;
DROP TABLE meetings;
