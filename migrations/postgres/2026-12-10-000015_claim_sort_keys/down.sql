DROP INDEX subsidy_claims_by_institution;
DROP INDEX subsidy_claims_age;
DROP INDEX subsidy_claims_amount_desc;
DROP INDEX subsidy_claims_amount;
DROP INDEX subsidy_claims_institution;
DROP INDEX subsidy_claims_stage_institution;
ALTER TABLE subsidy_claims DROP COLUMN institution_name;
