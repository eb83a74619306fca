DROP TABLE policy_proposals;
DROP TABLE deletion_requests;
