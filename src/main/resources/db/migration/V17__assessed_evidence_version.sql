-- The version of the evidence the assessor last scored, in the application's record (issue 13: one
-- home per fact): an amendment is compared with it to show the assessor what changed. It was a
-- process variable, which a caller could have sent.
alter table application add column assessed_evidence_version integer;
