-- The review round's facts, where the decisions read them (issue 12): the issuing step, the
-- evaluation of the reviews and the gateways trust these rows, never a process variable, which a
-- caller could have sent. A round is the first assessment and each resubmission's re-assessment.
alter table application add column review_round integer default 1 not null;
alter table application add column assessment_justification varchar(4000);
alter table application add column round_improvement_areas varchar(4000);
alter table application add column moderated_score integer;
alter table application add column moderation_justification varchar(4000);

-- One row per peer review of a round; the key makes a second review by the same person impossible,
-- however two requests race.
create table peer_review (
  business_key    varchar(32)  not null references application (business_key),
  review_round    integer      not null,
  reviewer_id     varchar(64)  not null,
  agrees          boolean      not null,
  proposed_score  integer      check (proposed_score between 0 and 10),
  review_comment  varchar(4000),
  reviewed_at     timestamp with time zone not null,
  primary key (business_key, review_round, reviewer_id)
);
