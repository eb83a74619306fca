-- Wrong check-in codes per person and session: after five, code check-in is
-- closed to that person for the session (staff still mark attendance), so
-- nobody can try all million codes.
CREATE TABLE checkin_failures (
    session_id TEXT NOT NULL REFERENCES class_sessions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    tries INTEGER NOT NULL CHECK (tries > 0),
    last_at TIMESTAMP NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
