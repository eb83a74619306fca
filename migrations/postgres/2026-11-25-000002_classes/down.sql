DROP TABLE notifications;
DROP TABLE certificates;
DROP TABLE enrolments;
DROP TABLE class_sessions;
DROP TABLE class_trainers;
DROP TABLE classes;
DROP TABLE trainers;
DROP TABLE course_policies;
