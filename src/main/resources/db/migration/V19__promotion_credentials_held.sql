-- The credentials a promotion candidate held (issued and not revoked) on the moment they applied:
-- a fact of that moment, written by the register when the application starts (issue 17: the
-- credentials-and-promotions report reads it instead of counting every candidate's credentials on
-- every read). Portable SQL: H2 and PostgreSQL. Applications started before this version get it
-- counted here, by the same rule.

alter table promotion_application add column credentials_held integer;

update promotion_application p set credentials_held = (
  select count(*) from credential c
  where c.holder_id = p.candidate_id and c.issued_at <= p.started_at
    and (not c.revoked or c.revoked_at > p.started_at));
