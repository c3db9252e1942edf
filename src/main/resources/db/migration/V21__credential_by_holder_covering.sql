-- The team filter of credentials-by-skill-level reads a team's credentials by holder (issue 17). With
-- the columns it counts in the holder index, PostgreSQL reads them from the index alone where the table's
-- pages are all-visible (as autovacuum leaves them) instead of one table page per credential: the same
-- index, wider, so writes keep one index per holder. Portable SQL: H2 and PostgreSQL.

drop index if exists credential_by_holder;
create index credential_by_holder on credential (holder_id, skill_code, skill_level, framework_version, issued_at,
  revoked, revoked_at);
