DROP TABLE app_meta;
DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE role_grants;
DROP TABLE institutions;
DROP TABLE users;
DROP TABLE regions;
DROP FUNCTION IF EXISTS audit_log_append_only();
