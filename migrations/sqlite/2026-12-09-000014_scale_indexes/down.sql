DROP INDEX enrolments_by_class;
DROP INDEX classes_region_open;
DROP INDEX classes_open;
DROP INDEX subsidy_claims_stage_age;
DROP INDEX subsidy_claims_stage_amount_desc;
DROP INDEX subsidy_claims_stage_amount;
DROP INDEX subsidy_claims_stage_id;
