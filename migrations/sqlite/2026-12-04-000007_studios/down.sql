PRAGMA foreign_keys = OFF;
BEGIN;
DROP TABLE fee_lines;
DROP TABLE studio_evaluations;
DROP TABLE studio_reports;
DROP TABLE studio_evidence;
DROP TABLE studio_members;
DELETE FROM subsidy_payments WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
DELETE FROM claim_objections WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
DELETE FROM claim_recoveries WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
CREATE TABLE subsidy_claims_old (
    id TEXT PRIMARY KEY NOT NULL,
    certificate_id TEXT NOT NULL REFERENCES certificates (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    institution_id TEXT NOT NULL REFERENCES institutions (id),
    class_id TEXT NOT NULL REFERENCES classes (id),
    policy_id TEXT NOT NULL REFERENCES subsidy_policies (id),
    payee TEXT NOT NULL CHECK (payee IN ('institution', 'trainee')),
    amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'reviewed', 'approved', 'notice', 'held', 'paid', 'returned', 'rejected')),
    filed_by TEXT REFERENCES users (id),
    filed_at TIMESTAMP,
    reviewed_by TEXT REFERENCES users (id),
    reviewed_at TIMESTAMP,
    approved_by TEXT REFERENCES users (id),
    approved_at TIMESTAMP,
    notice_ends_on DATE,
    reason TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (status NOT IN ('reviewed', 'approved', 'notice', 'held', 'paid') OR reviewed_by IS NOT NULL),
    CHECK (status NOT IN ('approved', 'notice', 'held', 'paid') OR (approved_by IS NOT NULL AND approved_by <> reviewed_by))
);
INSERT INTO subsidy_claims_old (id, certificate_id, user_id, kind, region_code, institution_id, class_id, policy_id, payee, amount_fen, status, filed_by, filed_at, reviewed_by, reviewed_at, approved_by, approved_at, notice_ends_on, reason, created_at, updated_at) SELECT id, certificate_id, user_id, kind, region_code, institution_id, class_id, policy_id, payee, amount_fen, status, filed_by, filed_at, reviewed_by, reviewed_at, approved_by, approved_at, notice_ends_on, reason, created_at, updated_at FROM subsidy_claims WHERE claim_kind = 'training';
DROP TABLE subsidy_claims;
ALTER TABLE subsidy_claims_old RENAME TO subsidy_claims;
CREATE UNIQUE INDEX subsidy_claims_one_per_kind ON subsidy_claims (user_id, kind) WHERE status <> 'rejected';
CREATE INDEX subsidy_claims_region ON subsidy_claims (region_code, status, id);
CREATE INDEX subsidy_claims_class ON subsidy_claims (class_id);
CREATE INDEX subsidy_claims_certificate ON subsidy_claims (certificate_id);
DROP TABLE studios;
DROP TABLE studio_policies;
DROP TABLE fee_policies;
DROP TABLE working_days;
ALTER TABLE service_records DROP COLUMN offline;
ALTER TABLE service_records DROP COLUMN bureau_confirmed_at;
ALTER TABLE service_records DROP COLUMN bureau_confirmed_by;
COMMIT;
PRAGMA foreign_keys = ON;
