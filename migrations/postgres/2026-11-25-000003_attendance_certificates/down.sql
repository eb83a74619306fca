DROP TABLE certificate_serials;
DROP TABLE class_completions;
DROP TABLE assessments;
DROP TABLE attendance;
ALTER TABLE class_sessions DROP COLUMN checkin_code;
