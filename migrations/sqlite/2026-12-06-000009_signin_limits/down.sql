DROP INDEX login_failures_ip;
ALTER TABLE login_failures DROP COLUMN ip;
