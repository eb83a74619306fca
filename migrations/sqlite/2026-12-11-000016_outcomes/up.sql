-- What happened after the course (issue 14): one outcome per certificate,
-- the follow-up months by region ('000000': the national default, used
-- where no region above the class sets its own) and the follow-up
-- reminders sent, one per certificate and point.
CREATE TABLE outcomes (
    certificate_id TEXT PRIMARY KEY NOT NULL REFERENCES certificates (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    region_code TEXT NOT NULL REFERENCES regions (code),
    status TEXT NOT NULL CHECK (status IN ('started', 'not_yet')),
    started_on DATE,
    credit_code TEXT,
    industry TEXT,
    jobs_created INTEGER CHECK (jobs_created BETWEEN 0 AND 10000),
    by_holder BOOLEAN NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMP NOT NULL,
    CHECK ((status = 'started') = (started_on IS NOT NULL AND credit_code IS NOT NULL
        AND industry IS NOT NULL AND jobs_created IS NOT NULL))
);
CREATE INDEX outcomes_region ON outcomes (region_code, status, started_on);
CREATE INDEX outcomes_user ON outcomes (user_id);

CREATE TABLE follow_up_policies (
    region_code TEXT PRIMARY KEY NOT NULL,
    months TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO follow_up_policies (region_code, months, updated_at) VALUES ('000000', '3,6,12', '2026-12-11 00:00:00');

-- The last Shanghai day the follow-up reminders were sent for ('' before the
-- first run): the job claims a day by moving it with a guarded update, so
-- of two instances at once one sends and the other finds the day taken.
INSERT INTO app_meta (key, value) VALUES ('follow_up_day', '');

CREATE TABLE follow_up_reminders (
    certificate_id TEXT NOT NULL REFERENCES certificates (id),
    months INTEGER NOT NULL,
    sent_at TIMESTAMP NOT NULL,
    PRIMARY KEY (certificate_id, months)
);

-- The follow-up job reads a year's certificates by issue day.
CREATE INDEX certificates_issued_on ON certificates (issued_on, status);
