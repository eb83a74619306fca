-- The worklist's order by institution name read from an index instead of
-- sorting every matching claim through a subquery (issue 13): the claim
-- keeps its institution's name ('' for none; institutions are never
-- renamed). Without a stage filter the sorts have indexes of their own.
ALTER TABLE subsidy_claims ADD COLUMN institution_name TEXT NOT NULL DEFAULT '';
UPDATE subsidy_claims SET institution_name = COALESCE(
    (SELECT name FROM institutions WHERE institutions.id = subsidy_claims.institution_id), '');
CREATE INDEX subsidy_claims_stage_institution ON subsidy_claims (status, institution_name, id, region_code);
CREATE INDEX subsidy_claims_institution ON subsidy_claims (institution_name, id, region_code, status);
CREATE INDEX subsidy_claims_amount ON subsidy_claims (amount_fen, id, region_code, status);
CREATE INDEX subsidy_claims_amount_desc ON subsidy_claims (amount_fen DESC, id, region_code, status);
CREATE INDEX subsidy_claims_age ON subsidy_claims (updated_at, id, region_code, status);
-- One institution's claims, newest or oldest first.
CREATE INDEX subsidy_claims_by_institution ON subsidy_claims (institution_id, id, region_code, status);
