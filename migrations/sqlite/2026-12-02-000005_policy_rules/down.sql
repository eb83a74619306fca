DROP TABLE claim_recoveries;
DROP TABLE attendance_changes;
ALTER TABLE classes DROP COLUMN attendance_threshold_pct;
ALTER TABLE course_policies DROP COLUMN prior_kinds;
ALTER TABLE subsidy_policies DROP COLUMN local_groups;
ALTER TABLE priority_groups DROP COLUMN issued_in;
ALTER TABLE priority_groups DROP COLUMN business_licence;
ALTER TABLE subsidy_policies DROP COLUMN amount_is_cap;
ALTER TABLE classes DROP COLUMN fee_fen;
