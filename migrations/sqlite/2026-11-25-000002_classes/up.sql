-- Classes: course policies, trainers, opening requests, sessions, enrolment with waitlist (sqlite).

CREATE TABLE course_policies (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    kind TEXT NOT NULL CHECK (kind IN ('gyb', 'syb', 'iyb', 'eyb', 'online_venture', 'simulation')),
    min_hours INTEGER NOT NULL CHECK (min_hours > 0),
    max_class_size INTEGER NOT NULL CHECK (max_class_size > 0),
    opening_lead_days INTEGER NOT NULL CHECK (opening_lead_days >= 0),
    attendance_threshold_pct INTEGER NOT NULL CHECK (attendance_threshold_pct BETWEEN 1 AND 100),
    requires_prior_certificate BOOLEAN NOT NULL,
    requires_business_licence BOOLEAN NOT NULL,
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, kind)
);

CREATE TABLE trainers (
    id TEXT PRIMARY KEY NOT NULL,
    institution_id TEXT NOT NULL REFERENCES institutions (id),
    name TEXT NOT NULL,
    qualification_no TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (institution_id, qualification_no)
);

CREATE TABLE classes (
    id TEXT PRIMARY KEY NOT NULL,
    institution_id TEXT NOT NULL REFERENCES institutions (id),
    region_code TEXT NOT NULL REFERENCES regions (code),
    kind TEXT NOT NULL CHECK (kind IN ('gyb', 'syb', 'iyb', 'eyb', 'online_venture', 'simulation')),
    title TEXT NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('offline', 'online')),
    place TEXT,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    taken INTEGER NOT NULL DEFAULT 0,
    waitlist_counter INTEGER NOT NULL DEFAULT 0,
    enrol_opens_at TIMESTAMP NOT NULL,
    enrol_closes_at TIMESTAMP NOT NULL,
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    first_session_at TIMESTAMP NOT NULL,
    minutes INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
    status_reason TEXT,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (taken >= 0 AND taken <= capacity)
);
CREATE INDEX classes_catalogue ON classes (status, starts_on);
CREATE INDEX classes_institution ON classes (institution_id);
CREATE INDEX classes_region ON classes (region_code);

CREATE TABLE class_trainers (
    class_id TEXT NOT NULL REFERENCES classes (id),
    trainer_id TEXT NOT NULL REFERENCES trainers (id),
    PRIMARY KEY (class_id, trainer_id)
);

CREATE TABLE class_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes (id),
    seq INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    topic TEXT NOT NULL,
    UNIQUE (class_id, seq),
    CHECK (ends_at > starts_at)
);

CREATE TABLE enrolments (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('enrolled', 'waitlisted', 'withdrawn', 'cancelled')),
    waitlist_seq INTEGER,
    business_licence TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((status = 'waitlisted') = (waitlist_seq IS NOT NULL))
);
-- One place per person per class, and distinct waitlist order, whatever the concurrency.
CREATE UNIQUE INDEX enrolments_one_active ON enrolments (class_id, user_id) WHERE status IN ('enrolled', 'waitlisted');
CREATE UNIQUE INDEX enrolments_waitlist_order ON enrolments (class_id, waitlist_seq) WHERE waitlist_seq IS NOT NULL;
CREATE INDEX enrolments_user ON enrolments (user_id, status);

CREATE TABLE certificates (
    id TEXT PRIMARY KEY NOT NULL,
    number TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    class_id TEXT NOT NULL REFERENCES classes (id),
    kind TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    hours INTEGER NOT NULL,
    issued_on DATE NOT NULL,
    issuing_region TEXT NOT NULL REFERENCES regions (code),
    status TEXT NOT NULL CHECK (status IN ('valid', 'revoked')),
    revoked_at TIMESTAMP,
    revoke_reason TEXT,
    revoked_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (class_id, user_id)
);
CREATE INDEX certificates_user ON certificates (user_id, kind, status);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    class_id TEXT REFERENCES classes (id),
    reason TEXT,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
