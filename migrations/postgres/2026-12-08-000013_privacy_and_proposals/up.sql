-- A person's request to delete their account. The bureau of the home
-- region recorded when asked carries it out where no certificate, claim or
-- role requires keeping the record; carried out, the account's personal
-- data is erased and the row stays as a pseudonym for the audit log.
CREATE TABLE deletion_requests (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    region_code TEXT REFERENCES regions (code),
    requested_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP,
    note TEXT
);
CREATE UNIQUE INDEX deletion_requests_one_pending ON deletion_requests (user_id) WHERE status = 'pending';
CREATE INDEX deletion_requests_by_region ON deletion_requests (region_code, status);

-- A subsidy policy version above the configured amount waits here until a
-- second officer of the region confirms it.
CREATE TABLE policy_proposals (
    id TEXT PRIMARY KEY NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions (code),
    kind TEXT NOT NULL,
    effective_from DATE NOT NULL,
    amount_fen BIGINT NOT NULL,
    input TEXT NOT NULL,
    proposed_by TEXT NOT NULL REFERENCES users (id),
    proposed_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    decided_by TEXT REFERENCES users (id),
    decided_at TIMESTAMP
);
CREATE INDEX policy_proposals_by_region ON policy_proposals (region_code, status);
