-- Training subsidies: policies, priority groups, claims, payments, objections,
-- and idempotency keys for write requests (sqlite).

CREATE TABLE subsidy_policies (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    kind TEXT NOT NULL,
    effective_from DATE NOT NULL,
    ends_on DATE,
    amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
    payee TEXT NOT NULL CHECK (payee IN ('institution', 'trainee')),
    eligible_groups TEXT NOT NULL,
    claim_window_months INTEGER NOT NULL CHECK (claim_window_months BETWEEN 1 AND 36),
    notice_days INTEGER NOT NULL CHECK (notice_days BETWEEN 1 AND 30),
    one_per_year BOOLEAN NOT NULL,
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, kind, effective_from)
);

CREATE TABLE priority_groups (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    group_code TEXT NOT NULL,
    valid_from DATE NOT NULL,
    valid_to DATE,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('declared', 'verified', 'rejected')),
    reason TEXT,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX priority_groups_user ON priority_groups (user_id);
CREATE INDEX priority_groups_status ON priority_groups (status, created_at);

CREATE TABLE subsidy_claims (
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
-- One live (non-rejected) claim per person and course kind, anywhere.
CREATE UNIQUE INDEX subsidy_claims_one_per_kind ON subsidy_claims (user_id, kind) WHERE status <> 'rejected';
CREATE INDEX subsidy_claims_region ON subsidy_claims (region_code, status, id);
CREATE INDEX subsidy_claims_class ON subsidy_claims (class_id);
CREATE INDEX subsidy_claims_certificate ON subsidy_claims (certificate_id);

CREATE TABLE subsidy_payments (
    id TEXT PRIMARY KEY NOT NULL,
    claim_id TEXT NOT NULL UNIQUE REFERENCES subsidy_claims (id),
    reference TEXT NOT NULL,
    paid_on DATE NOT NULL,
    amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
    paid_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE claim_objections (
    id TEXT PRIMARY KEY NOT NULL,
    claim_id TEXT NOT NULL REFERENCES subsidy_claims (id),
    text TEXT NOT NULL,
    contact TEXT NOT NULL,
    filed_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'upheld')),
    resolution TEXT,
    resolved_by TEXT REFERENCES users (id),
    resolved_at TIMESTAMP
);
CREATE INDEX claim_objections_claim ON claim_objections (claim_id);

CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER,
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, key)
);
