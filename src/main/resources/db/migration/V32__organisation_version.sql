-- A number that grows with every write of the organisation (Organisation.save, in the writer's transaction). A
-- report filtered by a team keeps the team it walked with the number it read before walking, and walks again only
-- when the number has moved: a team of 9,999 is then one read of this row, not a walk of the line-management tree.
-- The row is written by the organisation's writers only; a change of the engineer table by hand should add one too.
-- Portable SQL: H2 and PostgreSQL.

create table organisation_version (
  id integer primary key,
  version bigint not null
);

insert into organisation_version (id, version) values (1, 0);
