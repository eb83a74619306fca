-- The mentor library and its bookings (postgres).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A region's rules for its mentor library (policy data with an effective
-- date; a region without a row follows its parent, then the defaults in code).
CREATE TABLE mentor_policies (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    effective_from DATE NOT NULL,
    term_years INTEGER NOT NULL CHECK (term_years BETWEEN 1 AND 10),
    request_expiry_hours INTEGER NOT NULL CHECK (request_expiry_hours BETWEEN 1 AND 720),
    cancel_cutoff_hours INTEGER NOT NULL CHECK (cancel_cutoff_hours BETWEEN 0 AND 720),
    max_open_requests INTEGER NOT NULL CHECK (max_open_requests BETWEEN 1 AND 50),
    yearly_min_services INTEGER NOT NULL CHECK (yearly_min_services BETWEEN 0 AND 1000),
    min_service_minutes INTEGER NOT NULL CHECK (min_service_minutes BETWEEN 0 AND 600),
    reminder_hours INTEGER NOT NULL CHECK (reminder_hours BETWEEN 1 AND 168),
    updated_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (region_code, effective_from)
);

-- 创业导师: one application per person; admitted for a term.
CREATE TABLE mentors (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL UNIQUE REFERENCES users (id),
    region_code TEXT NOT NULL REFERENCES regions (code),
    status TEXT NOT NULL CHECK (status IN ('applied', 'active', 'refused', 'suspended', 'removed', 'expired')),
    real_name TEXT NOT NULL,
    title TEXT NOT NULL,
    employer TEXT NOT NULL,
    years_experience INTEGER NOT NULL CHECK (years_experience BETWEEN 0 AND 70),
    expertise TEXT NOT NULL,
    tags TEXT NOT NULL,
    industries TEXT NOT NULL,
    service_mode TEXT NOT NULL CHECK (service_mode IN ('online', 'offline', 'both')),
    languages TEXT NOT NULL,
    bio TEXT NOT NULL,
    evidence TEXT NOT NULL,
    term_from DATE,
    term_to DATE,
    status_reason TEXT,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    slot_minutes INTEGER NOT NULL CHECK (slot_minutes IN (30, 45, 60, 90)),
    buffer_before_minutes INTEGER NOT NULL CHECK (buffer_before_minutes BETWEEN 0 AND 120),
    buffer_after_minutes INTEGER NOT NULL CHECK (buffer_after_minutes BETWEEN 0 AND 120),
    min_notice_hours INTEGER NOT NULL CHECK (min_notice_hours BETWEEN 0 AND 720),
    horizon_days INTEGER NOT NULL CHECK (horizon_days BETWEEN 1 AND 365),
    max_per_day INTEGER CHECK (max_per_day BETWEEN 1 AND 48),
    max_per_week INTEGER CHECK (max_per_week BETWEEN 1 AND 200),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE INDEX mentors_by_region ON mentors (region_code, status);

-- Weekly opening hours, per weekday (1 = Monday) in Asia/Shanghai minutes.
CREATE TABLE mentor_weekly_hours (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK (start_minute < end_minute)
);

CREATE INDEX mentor_weekly_hours_by_mentor ON mentor_weekly_hours (mentor_id);

-- A date's own hours (Asia/Shanghai), replacing the weekday's; a row with
-- no minutes closes the day.
CREATE TABLE mentor_day_overrides (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    day DATE NOT NULL,
    start_minute INTEGER CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute INTEGER CHECK (end_minute BETWEEN 1 AND 1440),
    CHECK ((start_minute IS NULL AND end_minute IS NULL) OR start_minute < end_minute)
);

CREATE INDEX mentor_day_overrides_by_mentor ON mentor_day_overrides (mentor_id, day);

-- 预约服务: one person, one mentor, one time (UTC).
CREATE TABLE appointments (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    trainee_id TEXT NOT NULL REFERENCES users (id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'expired', 'cancelled')),
    topic TEXT NOT NULL,
    business TEXT NOT NULL,
    plan_name TEXT,
    expires_at TIMESTAMP NOT NULL,
    status_reason TEXT,
    cancelled_by TEXT REFERENCES users (id),
    sequence INTEGER NOT NULL DEFAULT 0,
    no_show BOOLEAN NOT NULL DEFAULT FALSE,
    service_confirmed_at TIMESTAMP,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment TEXT,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK (starts_at < ends_at)
);

CREATE INDEX appointments_by_mentor ON appointments (mentor_id, starts_at);
CREATE INDEX appointments_by_trainee ON appointments (trainee_id, starts_at);
CREATE INDEX appointments_by_status ON appointments (status, expires_at);

-- 集中服务: a session with seats and a first-come waitlist.
CREATE TABLE group_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    topic TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    place TEXT NOT NULL,
    seats INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 500),
    taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= seats),
    status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
    status_reason TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    CHECK (starts_at < ends_at)
);

CREATE INDEX group_sessions_by_mentor ON group_sessions (mentor_id, starts_at);

CREATE TABLE group_seats (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES group_sessions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    status TEXT NOT NULL CHECK (status IN ('seated', 'waitlisted', 'left', 'cancelled')),
    waitlist_seq BIGINT,
    no_show BOOLEAN NOT NULL DEFAULT FALSE,
    service_confirmed_at TIMESTAMP,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    rating_comment TEXT,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE UNIQUE INDEX group_seats_one_active ON group_seats (session_id, user_id) WHERE status IN ('seated', 'waitlisted');
CREATE INDEX group_seats_by_user ON group_seats (user_id);

-- 服务记录: what a mentor recorded after an appointment or a group session.
CREATE TABLE service_records (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    appointment_id TEXT UNIQUE REFERENCES appointments (id),
    group_session_id TEXT UNIQUE REFERENCES group_sessions (id),
    discussed TEXT NOT NULL,
    advice TEXT NOT NULL,
    follow_up TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    recorded_at TIMESTAMP NOT NULL,
    CHECK ((appointment_id IS NULL) <> (group_session_id IS NULL))
);

CREATE INDEX service_records_by_mentor ON service_records (mentor_id, recorded_at);

-- Occupancy, one row per five minutes a live booking covers: any overlap on
-- a mentor's or a person's calendar is a primary-key violation, on both
-- databases, whatever the isolation level.
CREATE TABLE mentor_blocks (
    mentor_id TEXT NOT NULL REFERENCES mentors (id),
    block BIGINT NOT NULL,
    owner_id TEXT NOT NULL,
    PRIMARY KEY (mentor_id, block)
);

CREATE INDEX mentor_blocks_by_owner ON mentor_blocks (owner_id);

CREATE TABLE person_blocks (
    user_id TEXT NOT NULL REFERENCES users (id),
    block BIGINT NOT NULL,
    owner_id TEXT NOT NULL,
    PRIMARY KEY (user_id, block)
);

CREATE INDEX person_blocks_by_owner ON person_blocks (owner_id);

-- A person's private calendar feed: the token is the only secret in its URL.
CREATE TABLE calendar_feeds (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

-- Notifications about an appointment or a group session name it.
ALTER TABLE notifications ADD COLUMN subject_id TEXT;

-- On PostgreSQL the calendar is also guarded by exclusion constraints over
-- live appointments' time ranges: per mentor and per person.
ALTER TABLE appointments ADD CONSTRAINT appointments_mentor_no_overlap
    EXCLUDE USING gist (mentor_id WITH =, tsrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status IN ('pending', 'confirmed'));
ALTER TABLE appointments ADD CONSTRAINT appointments_trainee_no_overlap
    EXCLUDE USING gist (trainee_id WITH =, tsrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status IN ('pending', 'confirmed'));
