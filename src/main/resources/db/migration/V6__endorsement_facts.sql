-- An endorsement's facts where the issuing step reads them (issue 12): the evidence and
-- justification as the endorser gave them, every further round of justification, and the reviewer's
-- approval. The issuing step no longer reads process variables.
alter table endorsement add column evidence_summary varchar(20000);
alter table endorsement add column justification_history varchar(20000);
alter table endorsement add column approved_at timestamp with time zone;
