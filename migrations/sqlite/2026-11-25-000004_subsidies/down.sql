DROP TABLE idempotency_keys;
DROP TABLE claim_objections;
DROP TABLE subsidy_payments;
DROP TABLE subsidy_claims;
DROP TABLE priority_groups;
DROP TABLE subsidy_policies;
