-- The rules as the policy texts say them (sqlite): the attendance threshold
-- in force when a class was approved, and the history of every attendance mark.

ALTER TABLE classes ADD COLUMN attendance_threshold_pct INTEGER CHECK (attendance_threshold_pct BETWEEN 0 AND 100);

CREATE TABLE attendance_changes (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES class_sessions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    from_mark TEXT CHECK (from_mark IN ('present', 'late', 'absent', 'excused')),
    to_mark TEXT NOT NULL CHECK (to_mark IN ('present', 'late', 'absent', 'excused')),
    via TEXT NOT NULL CHECK (via IN ('staff', 'code')),
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TIMESTAMP NOT NULL
);

CREATE INDEX attendance_changes_by_session ON attendance_changes (session_id, user_id, changed_at);

-- The certificates that count as a course's prior training (comma-separated
-- kinds; empty: the programme's order for the kind).
ALTER TABLE course_policies ADD COLUMN prior_kinds TEXT NOT NULL DEFAULT '';

-- A subsidy paid on a certificate revoked later is recovered (追回): one
-- record per claim, opened by the revocation, closed when the money is back.
CREATE TABLE claim_recoveries (
    id TEXT PRIMARY KEY NOT NULL,
    claim_id TEXT NOT NULL UNIQUE REFERENCES subsidy_claims (id),
    amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
    reason TEXT NOT NULL,
    due_on DATE NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users (id),
    opened_at TIMESTAMP NOT NULL,
    recovered_on DATE,
    reference TEXT,
    recovered_by TEXT REFERENCES users (id),
    recovered_at TIMESTAMP
);

-- Policies for local people (Beijing: 本市登记失业人员, 北京地区院校毕业生)
-- count a group only where it was issued; the head of a newly founded small
-- business declares the business's unified social credit code.
ALTER TABLE subsidy_policies ADD COLUMN local_groups BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE priority_groups ADD COLUMN issued_in TEXT;
ALTER TABLE priority_groups ADD COLUMN business_licence TEXT;

-- A policy that pays "up to" an amount pays at most the class's cost per
-- trainee (Changsha's online venture: up to 1,300 yuan).
ALTER TABLE subsidy_policies ADD COLUMN amount_is_cap BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE classes ADD COLUMN fee_fen BIGINT CHECK (fee_fen >= 0);

-- A class that has begun is not cancelled but may be ended early: an audited
-- act that keeps what happened (sessions held, their attendance).
ALTER TABLE classes ADD COLUMN ended_early_at TIMESTAMP;
ALTER TABLE classes ADD COLUMN ended_early_reason TEXT;
ALTER TABLE classes ADD COLUMN ended_early_by TEXT REFERENCES users (id);
