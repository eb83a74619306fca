-- Sign-in failures also by address: five per mobile and address, more per
-- mobile over all addresses (so one address cannot lock an owner out), and
-- a limit per address over all mobiles (credential stuffing).
ALTER TABLE login_failures ADD COLUMN ip TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_ip ON login_failures (ip, failed_at);
