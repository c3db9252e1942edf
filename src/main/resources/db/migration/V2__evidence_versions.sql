-- Every version of an application's impact statement: the first submission, each addition the
-- assessor asked for, and each resubmission with the candidate's note of what changed.
create table evidence_version (
  business_key  varchar(32)  not null references application (business_key),
  version       integer      not null,
  problem       varchar(4000) not null,
  actions       varchar(4000) not null,
  results       varchar(4000) not null,
  links         varchar(4000),
  amendments    varchar(4000),
  recorded_at   timestamp with time zone not null,
  primary key (business_key, version)
);

-- AWAITING_RESUBMISSION is longer than the first statuses.
alter table application alter column status set data type varchar(32);

-- The score the assessor gave, as the evaluation of the peer reviews reads it: a value kept out
-- of reach of the variables other tasks may set.
alter table application add column assessed_score integer;
