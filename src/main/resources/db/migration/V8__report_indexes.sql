-- Indexes the reports read (issue 17): each report filters on a moment (submitted, decided,
-- started, approved, issued, revoked) and groups by skill and level. Only indexes, so this file
-- may take another version number without harm. Portable SQL: H2 and PostgreSQL.
-- Camunda's history tables (ACT_HI_TASKINST, ACT_HI_IDENTITYLINK) come with the engine's own
-- indexes (task, user, process instance), which the SLA report uses.

create index if not exists application_by_submission on application (submitted_at, skill_code);
create index if not exists application_by_outcome on application (closed_at, status, skill_code, skill_level);
create index if not exists endorsement_by_start on endorsement (started_at, skill_code);
create index if not exists endorsement_by_outcome on endorsement (closed_at, status);
create index if not exists credential_by_issue on credential (issued_at, skill_code, skill_level);
create index if not exists credential_by_revocation on credential (revoked_at);
-- The team filter walks the line-management tree downwards.
create index if not exists engineer_by_line_manager on engineer (line_manager_id);
