-- Mentor studios and service fees on the one claim pipeline (sqlite).
-- Runs outside diesel's transaction (metadata.toml) so that subsidy_claims
-- can be rebuilt with foreign keys off: its training columns become
-- optional, and it gains the kind of claim and what each kind pays for.
PRAGMA foreign_keys = OFF;
BEGIN;

-- The working-day calendar: holidays and adjusted working weekends (调休).
CREATE TABLE working_days (
    day DATE PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL,
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);

-- Studio policies per region, in versions by effective date.
CREATE TABLE studio_policies (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    effective_from DATE NOT NULL,
    ends_on DATE,
    grant_fen BIGINT NOT NULL CHECK (grant_fen >= 0),
    min_members INTEGER NOT NULL CHECK (min_members BETWEEN 1 AND 50),
    min_services INTEGER NOT NULL CHECK (min_services >= 0),
    cycle_years INTEGER NOT NULL CHECK (cycle_years BETWEEN 1 AND 10),
    report_months INTEGER NOT NULL CHECK (report_months IN (1, 3, 6, 12)),
    pass_mark INTEGER NOT NULL CHECK (pass_mark BETWEEN 0 AND 100),
    rectification_days INTEGER NOT NULL CHECK (rectification_days BETWEEN 1 AND 365),
    ban_years INTEGER NOT NULL CHECK (ban_years BETWEEN 0 AND 10),
    notice_days INTEGER NOT NULL CHECK (notice_days BETWEEN 1 AND 30),
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, effective_from)
);

-- A studio, from its application on.
CREATE TABLE studios (
    id TEXT PRIMARY KEY NOT NULL,
    policy_id TEXT NOT NULL REFERENCES studio_policies (id),
    region_code TEXT NOT NULL REFERENCES regions (code),
    leader_id TEXT NOT NULL REFERENCES mentors (id),
    name TEXT NOT NULL,
    specialities TEXT NOT NULL,
    plan TEXT NOT NULL,
    documents TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'recognised', 'rectification', 'revoked', 'refused')),
    recognised_on DATE,
    cycle_ends_on DATE,
    rectify_by DATE,
    revoked_on DATE,
    revoke_reason TEXT,
    banned_until DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One live studio per leader and policy.
CREATE UNIQUE INDEX studios_one_live_per_leader ON studios (leader_id, policy_id)
    WHERE status IN ('applied', 'recognised', 'rectification');
CREATE INDEX studios_by_region ON studios (region_code, status);

-- The leader and members of a studio.
CREATE TABLE studio_members (
    studio_id TEXT NOT NULL REFERENCES studios (id),
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    leader BOOLEAN NOT NULL,
    PRIMARY KEY (studio_id, mentor_id)
);
CREATE INDEX studio_members_by_mentor ON studio_members (mentor_id);

-- A service record is cited by one application at most (the primary key);
-- a refused application's citations are deleted.
CREATE TABLE studio_evidence (
    record_id TEXT PRIMARY KEY NOT NULL REFERENCES service_records (id),
    studio_id TEXT NOT NULL REFERENCES studios (id)
);
CREATE INDEX studio_evidence_by_studio ON studio_evidence (studio_id);

CREATE TABLE studio_reports (
    id TEXT PRIMARY KEY NOT NULL,
    studio_id TEXT NOT NULL REFERENCES studios (id),
    period_start DATE NOT NULL,
    activities TEXT NOT NULL,
    services INTEGER NOT NULL CHECK (services >= 0),
    spent_fen BIGINT NOT NULL CHECK (spent_fen >= 0),
    submitted_by TEXT NOT NULL REFERENCES users (id),
    submitted_at TIMESTAMP NOT NULL,
    UNIQUE (studio_id, period_start)
);

CREATE TABLE studio_evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    studio_id TEXT NOT NULL REFERENCES studios (id),
    year INTEGER NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    outcome TEXT NOT NULL CHECK (outcome IN ('passed', 'rectification', 'revoked')),
    comment TEXT NOT NULL,
    evaluated_by TEXT NOT NULL REFERENCES users (id),
    evaluated_at TIMESTAMP NOT NULL,
    UNIQUE (studio_id, year)
);

-- Mentors' service-fee policies per region, by service date. Bands are
-- "minutes:fen" pairs, comma-separated, shortest first.
CREATE TABLE fee_policies (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    effective_from DATE NOT NULL,
    ends_on DATE,
    one_to_one_bands TEXT NOT NULL,
    group_bands TEXT NOT NULL,
    transport_fen BIGINT NOT NULL CHECK (transport_fen >= 0),
    yearly_cap_fen BIGINT NOT NULL CHECK (yearly_cap_fen >= 0),
    notice_days INTEGER NOT NULL CHECK (notice_days BETWEEN 1 AND 30),
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, effective_from)
);

-- The bureau confirms a group session took place (one-to-one services are
-- confirmed by the person served).
ALTER TABLE service_records ADD COLUMN bureau_confirmed_by TEXT REFERENCES users (id);
ALTER TABLE service_records ADD COLUMN bureau_confirmed_at TIMESTAMP;
-- Held in person: earns the transport allowance.
ALTER TABLE service_records ADD COLUMN offline BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE subsidy_claims_new (
    id TEXT PRIMARY KEY NOT NULL,
    claim_kind TEXT NOT NULL CHECK (claim_kind IN ('training', 'studio_grant', 'service_fee')),
    certificate_id TEXT REFERENCES certificates (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT,
    region_code TEXT NOT NULL REFERENCES regions (code),
    institution_id TEXT REFERENCES institutions (id),
    class_id TEXT REFERENCES classes (id),
    policy_id TEXT REFERENCES subsidy_policies (id),
    studio_id TEXT REFERENCES studios (id),
    mentor_id TEXT REFERENCES mentors (id),
    fee_policy_id TEXT REFERENCES fee_policies (id),
    period TEXT,
    subject TEXT NOT NULL,
    payee TEXT NOT NULL CHECK (payee IN ('institution', 'trainee', 'studio', 'mentor')),
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
    CHECK (status NOT IN ('approved', 'notice', 'held', 'paid') OR (approved_by IS NOT NULL AND approved_by <> reviewed_by)),
    CHECK (claim_kind <> 'training' OR (certificate_id IS NOT NULL AND kind IS NOT NULL AND institution_id IS NOT NULL AND class_id IS NOT NULL AND policy_id IS NOT NULL)),
    CHECK (claim_kind <> 'studio_grant' OR studio_id IS NOT NULL),
    CHECK (claim_kind <> 'service_fee' OR (mentor_id IS NOT NULL AND fee_policy_id IS NOT NULL AND period IS NOT NULL))
);
INSERT INTO subsidy_claims_new (id, certificate_id, user_id, kind, region_code, institution_id, class_id, policy_id, payee, amount_fen, status, filed_by, filed_at, reviewed_by, reviewed_at, approved_by, approved_at, notice_ends_on, reason, created_at, updated_at, claim_kind, subject)
    SELECT id, certificate_id, user_id, kind, region_code, institution_id, class_id, policy_id, payee, amount_fen, status, filed_by, filed_at, reviewed_by, reviewed_at, approved_by, approved_at, notice_ends_on, reason, created_at, updated_at, 'training', '' FROM subsidy_claims;
DROP TABLE subsidy_claims;
ALTER TABLE subsidy_claims_new RENAME TO subsidy_claims;
-- One live (non-rejected) claim per person and course kind, anywhere.
CREATE UNIQUE INDEX subsidy_claims_one_per_kind ON subsidy_claims (user_id, kind) WHERE status <> 'rejected';
CREATE INDEX subsidy_claims_region ON subsidy_claims (region_code, status, id);
CREATE INDEX subsidy_claims_class ON subsidy_claims (class_id);
CREATE INDEX subsidy_claims_certificate ON subsidy_claims (certificate_id);

-- One live grant claim per studio; one draft fee claim per mentor and month.
CREATE UNIQUE INDEX subsidy_claims_one_grant ON subsidy_claims (studio_id)
    WHERE claim_kind = 'studio_grant' AND status <> 'rejected';
CREATE UNIQUE INDEX subsidy_claims_one_fee_draft ON subsidy_claims (mentor_id, period)
    WHERE claim_kind = 'service_fee' AND status = 'draft';
CREATE INDEX subsidy_claims_by_kind ON subsidy_claims (region_code, claim_kind, status, id);
CREATE INDEX subsidy_claims_by_mentor ON subsidy_claims (mentor_id);

-- One line per service record and kind (fee, transport).
CREATE TABLE fee_lines (
    id TEXT PRIMARY KEY NOT NULL,
    record_id TEXT NOT NULL REFERENCES service_records (id),
    kind TEXT NOT NULL CHECK (kind IN ('fee', 'transport')),
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    claim_id TEXT NOT NULL REFERENCES subsidy_claims (id),
    policy_id TEXT NOT NULL REFERENCES fee_policies (id),
    service_year INTEGER NOT NULL,
    due_fen BIGINT NOT NULL CHECK (due_fen >= 0),
    amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0 AND amount_fen <= due_fen),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (record_id, kind)
);
CREATE INDEX fee_lines_by_claim ON fee_lines (claim_id);
CREATE INDEX fee_lines_by_mentor_year ON fee_lines (mentor_id, service_year);

-- The State Council's arrangements for 2025 and 2026 (holidays and the
-- weekend days worked in their place); later years are entered by the
-- administrator when they are published.
INSERT INTO working_days (day, kind, name, updated_at) VALUES
    ('2025-01-01', 'holiday', '元旦', '2026-12-04 00:00:00'),
    ('2025-01-26', 'workday', '春节调休上班', '2026-12-04 00:00:00'),
    ('2025-01-28', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-01-29', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-01-30', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-01-31', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-02-01', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-02-02', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-02-03', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-02-04', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2025-02-08', 'workday', '春节调休上班', '2026-12-04 00:00:00'),
    ('2025-04-04', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2025-04-05', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2025-04-06', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2025-04-27', 'workday', '劳动节调休上班', '2026-12-04 00:00:00'),
    ('2025-05-01', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2025-05-02', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2025-05-03', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2025-05-04', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2025-05-05', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2025-05-31', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2025-06-01', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2025-06-02', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2025-09-28', 'workday', '国庆节调休上班', '2026-12-04 00:00:00'),
    ('2025-10-01', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-02', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-03', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-04', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-05', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-06', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-07', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-08', 'holiday', '国庆节、中秋节', '2026-12-04 00:00:00'),
    ('2025-10-11', 'workday', '国庆节调休上班', '2026-12-04 00:00:00'),
    ('2026-01-01', 'holiday', '元旦', '2026-12-04 00:00:00'),
    ('2026-01-02', 'holiday', '元旦', '2026-12-04 00:00:00'),
    ('2026-01-03', 'holiday', '元旦', '2026-12-04 00:00:00'),
    ('2026-01-04', 'workday', '元旦调休上班', '2026-12-04 00:00:00'),
    ('2026-02-14', 'workday', '春节调休上班', '2026-12-04 00:00:00'),
    ('2026-02-15', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-16', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-17', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-18', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-19', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-20', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-21', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-22', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-23', 'holiday', '春节', '2026-12-04 00:00:00'),
    ('2026-02-28', 'workday', '春节调休上班', '2026-12-04 00:00:00'),
    ('2026-04-04', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2026-04-05', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2026-04-06', 'holiday', '清明节', '2026-12-04 00:00:00'),
    ('2026-05-01', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2026-05-02', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2026-05-03', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2026-05-04', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2026-05-05', 'holiday', '劳动节', '2026-12-04 00:00:00'),
    ('2026-05-09', 'workday', '劳动节调休上班', '2026-12-04 00:00:00'),
    ('2026-06-19', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2026-06-20', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2026-06-21', 'holiday', '端午节', '2026-12-04 00:00:00'),
    ('2026-09-20', 'workday', '国庆节调休上班', '2026-12-04 00:00:00'),
    ('2026-09-25', 'holiday', '中秋节', '2026-12-04 00:00:00'),
    ('2026-09-26', 'holiday', '中秋节', '2026-12-04 00:00:00'),
    ('2026-09-27', 'holiday', '中秋节', '2026-12-04 00:00:00'),
    ('2026-10-01', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-02', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-03', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-04', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-05', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-06', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-07', 'holiday', '国庆节', '2026-12-04 00:00:00'),
    ('2026-10-10', 'workday', '国庆节调休上班', '2026-12-04 00:00:00');

COMMIT;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;
