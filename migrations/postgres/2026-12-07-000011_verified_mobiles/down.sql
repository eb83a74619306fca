DROP INDEX users_resident_id_hash;
ALTER TABLE users DROP COLUMN resident_id_masked, DROP COLUMN resident_id_hash;
ALTER TABLE users DROP COLUMN privacy_consented_at, DROP COLUMN privacy_version, DROP COLUMN mobile_verified_at;
DROP TABLE role_invitations;
DROP TABLE sms_outbox;
DROP TABLE sms_codes;
