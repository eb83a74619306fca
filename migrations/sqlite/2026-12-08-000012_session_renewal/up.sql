-- Sessions remember the device they were opened from (shown in the
-- person's list of open sessions), and are renewed while in use up to an
-- absolute limit from sign-in.
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN ip TEXT;

-- A mobile that reached the per-mobile limit of failed sign-ins stays
-- locked until its owner proves it with an SMS code (password reset); the
-- correct password alone does not lift it.
CREATE TABLE signin_locks (
    mobile TEXT PRIMARY KEY NOT NULL,
    locked_at TIMESTAMP NOT NULL
);
