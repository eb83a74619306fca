DROP INDEX certificates_issued_on;
DROP TABLE follow_up_reminders;
DROP TABLE follow_up_policies;
DROP TABLE outcomes;
DELETE FROM app_meta WHERE key = 'follow_up_day';
