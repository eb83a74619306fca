DROP TABLE signin_locks;
ALTER TABLE sessions DROP COLUMN ip, DROP COLUMN user_agent;
