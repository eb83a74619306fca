-- Indexes for a province's volume (issue 13, measured by `cargo xtask bench`).
-- The worklist pages by stage in id, amount or last-change order; the
-- region is a range on the code, checked from the index.
CREATE INDEX subsidy_claims_stage_id ON subsidy_claims (status, id, region_code);
CREATE INDEX subsidy_claims_stage_amount ON subsidy_claims (status, amount_fen, id, region_code);
-- Largest first, then by id: a mixed order needs its own index.
CREATE INDEX subsidy_claims_stage_amount_desc ON subsidy_claims (status, amount_fen DESC, id, region_code);
CREATE INDEX subsidy_claims_stage_age ON subsidy_claims (status, updated_at, id, region_code);
-- The catalogue hides classes that are over: approved classes by last day,
-- for the whole province and (counted from the index alone) for a region.
CREATE INDEX classes_open ON classes (status, ends_on, starts_on);
CREATE INDEX classes_region_open ON classes (region_code, status, ends_on, starts_on);
-- A class's places by state (waitlist counts, rosters): without it each
-- catalogue page counted its waitlists by reading every enrolment.
CREATE INDEX enrolments_by_class ON enrolments (class_id, status);
