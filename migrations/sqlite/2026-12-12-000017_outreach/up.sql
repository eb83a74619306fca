-- 政策找人 (issue 14): the last notification sent to a person from the
-- bureau's outreach list. One row per person; a notification claims the row
-- by a guarded update (only when the last one is a week old), so two
-- officers clicking at once send one notification.
CREATE TABLE outreach_nudges (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    subject TEXT NOT NULL,
    nudged_at TIMESTAMP NOT NULL,
    nudged_by TEXT REFERENCES users (id)
);

-- The worklist's filing-day filter reads a range of filing times instead of
-- every claim of a stage (issue 13).
CREATE INDEX subsidy_claims_filed ON subsidy_claims (filed_at, status, region_code);
