DROP TABLE fee_lines;
DROP TABLE studio_evaluations;
DROP TABLE studio_reports;
DROP TABLE studio_evidence;
DROP TABLE studio_members;
DELETE FROM subsidy_payments WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
DELETE FROM claim_objections WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
DELETE FROM claim_recoveries WHERE claim_id IN (SELECT id FROM subsidy_claims WHERE claim_kind <> 'training');
DELETE FROM subsidy_claims WHERE claim_kind <> 'training';
ALTER TABLE subsidy_claims
    DROP CONSTRAINT subsidy_claims_training_facts,
    DROP CONSTRAINT subsidy_claims_grant_studio,
    DROP CONSTRAINT subsidy_claims_fee_facts,
    DROP CONSTRAINT subsidy_claims_payee_check,
    ADD CONSTRAINT subsidy_claims_payee_check CHECK (payee IN ('institution', 'trainee')),
    DROP COLUMN claim_kind, DROP COLUMN studio_id, DROP COLUMN mentor_id, DROP COLUMN fee_policy_id,
    DROP COLUMN period, DROP COLUMN subject,
    ALTER COLUMN certificate_id SET NOT NULL, ALTER COLUMN kind SET NOT NULL,
    ALTER COLUMN institution_id SET NOT NULL, ALTER COLUMN class_id SET NOT NULL,
    ALTER COLUMN policy_id SET NOT NULL;
DROP TABLE studios;
DROP TABLE studio_policies;
DROP TABLE fee_policies;
DROP TABLE working_days;
ALTER TABLE service_records DROP COLUMN offline;
ALTER TABLE service_records DROP COLUMN bureau_confirmed_at;
ALTER TABLE service_records DROP COLUMN bureau_confirmed_by;
