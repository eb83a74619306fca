-- Verified mobiles. A one-time code is sent by SMS for registration,
-- password reset (which also activates staff invitations and lifts a
-- sign-in lock-out) and objections; only its hash is kept.
CREATE TABLE sms_codes (
    id TEXT PRIMARY KEY NOT NULL,
    mobile TEXT NOT NULL,
    purpose TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    ip TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    tries INTEGER NOT NULL DEFAULT 0,
    used_at TIMESTAMP
);
CREATE INDEX sms_codes_by_mobile ON sms_codes (mobile, purpose, created_at);
CREATE INDEX sms_codes_by_ip ON sms_codes (ip, created_at);

-- The development sender writes each message here (and to the log), so the
-- demo and the tests can read the codes.
CREATE TABLE sms_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    mobile TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX sms_outbox_by_mobile ON sms_outbox (mobile, created_at);

-- A staff role offered to a mobile; it becomes a grant only when the owner
-- proves the mobile with a code and sets their own password.
CREATE TABLE role_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    mobile TEXT NOT NULL,
    real_name TEXT NOT NULL,
    role TEXT NOT NULL,
    region_code TEXT REFERENCES regions (code),
    institution_id TEXT REFERENCES institutions (id),
    invited_by TEXT NOT NULL REFERENCES users (id),
    invited_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP,
    accepted_by TEXT REFERENCES users (id)
);
CREATE INDEX role_invitations_by_mobile ON role_invitations (mobile, accepted_at);

ALTER TABLE users ADD COLUMN mobile_verified_at TIMESTAMP;
ALTER TABLE users ADD COLUMN privacy_version TEXT;
ALTER TABLE users ADD COLUMN privacy_consented_at TIMESTAMP;

-- Resident IDs at rest: `resident_id` now holds the AES-GCM sealed value;
-- the keyed hash keeps them unique and findable, the masked form is shown.
-- Rows written before are sealed by the server at start-up.
ALTER TABLE users ADD COLUMN resident_id_hash TEXT;
ALTER TABLE users ADD COLUMN resident_id_masked TEXT;
CREATE UNIQUE INDEX users_resident_id_hash ON users (resident_id_hash);
