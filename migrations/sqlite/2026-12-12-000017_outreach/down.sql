DROP INDEX subsidy_claims_filed;
DROP TABLE outreach_nudges;
