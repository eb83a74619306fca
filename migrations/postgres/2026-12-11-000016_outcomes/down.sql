DROP INDEX certificates_issued_on;
DROP TABLE follow_up_reminders;
DROP TABLE follow_up_policies;
DROP TABLE outcomes;
