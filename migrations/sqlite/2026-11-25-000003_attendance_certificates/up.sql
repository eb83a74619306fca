-- Attendance, check-in codes, assessments, completion and certificate numbering (sqlite).

ALTER TABLE class_sessions ADD COLUMN checkin_code TEXT;

CREATE TABLE attendance (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES class_sessions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    mark TEXT NOT NULL CHECK (mark IN ('present', 'late', 'absent', 'excused')),
    via TEXT NOT NULL CHECK (via IN ('staff', 'code')),
    marked_by TEXT NOT NULL REFERENCES users (id),
    marked_at TIMESTAMP NOT NULL,
    UNIQUE (session_id, user_id)
);

CREATE TABLE assessments (
    id TEXT PRIMARY KEY NOT NULL,
    class_id TEXT NOT NULL REFERENCES classes (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    plan_submitted BOOLEAN NOT NULL,
    score INTEGER CHECK (score BETWEEN 0 AND 100),
    passed BOOLEAN NOT NULL,
    comment TEXT,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (class_id, user_id)
);

CREATE TABLE class_completions (
    class_id TEXT PRIMARY KEY NOT NULL REFERENCES classes (id),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'approved', 'returned')),
    submitted_by TEXT NOT NULL REFERENCES users (id),
    submitted_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    reason TEXT
);

CREATE TABLE certificate_serials (
    prefix TEXT PRIMARY KEY NOT NULL,
    last_serial INTEGER NOT NULL
);
