-- Profile ldap: the organisation is read from the company directory (HR's). A level decided in the application
-- (a promotion, or one undone) takes effect at once; it is remembered here until the directory has caught up, so
-- that reading the directory again never undoes it.
create table level_decision (
  user_id          varchar(64) primary key references engineer (user_id),
  previous_level   integer     not null check (previous_level between 1 and 6),
  decided_level    integer     not null check (decided_level between 1 and 6),
  decided_at       timestamp with time zone not null,
  -- What the directory said at the last sync (the previous level until then; null: a level the ladder does not know).
  directory_level  integer
);

-- One row: its lock lets one node of a cluster sync at a time; it records when the last sync ended.
create table directory_sync (
  id         integer primary key check (id = 1),
  synced_at  timestamp with time zone
);
insert into directory_sync (id, synced_at) values (1, null);
