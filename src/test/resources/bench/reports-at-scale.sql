-- The reports' data at scale, bulk-loaded by the benchmark straight into the
-- tables (set-based SQL over generate_series, PostgreSQL only: the benchmark runs on PostgreSQL).
-- Placeholders {{name}} are replaced by Benchmark.java; to profile by hand, replace them with sed
-- and run the file with psql. Statements end with a semicolon at the end of a line.
--
-- Shape: {{engineers}} engineers ('scale1'..); among them 400 leaders who endorse ('scale1'..'scale400',
-- a few endorse far more than the rest), 300 assessors and reviewers ('scale401'..'scale700') and 10
-- SEM members ('scale701'..'scale710'). {{applications}} self-submissions and {{endorsements}}
-- endorsements over the last 30 months, more in recent months (the programme grows); skills skewed
-- towards the common ones, levels towards the low ones. An application still open is a recent one
-- (its outcome would lie in the future); a decided one passed about two times in three; one in
-- twelve went through a second round. Camunda's history holds what the flows would have left: per
-- application a self-submission and a review-round instance (same business key), the assignment,
-- assessment, one or two peer reviews (two from level 4), a moderation for some; per endorsement its
-- instance and review task; assignee links, candidate-group links, and escalations (the SEM team took
-- an overdue task from its holder). {{credentials}} credentials over {{engineers}} holders, mostly
-- from self-submissions, a few revoked.

select setseed(0.17);

insert into engineer (user_id, display_name, email, seniority_level, role_title, line_manager_id)
select 'scale' || g, 'Scale ' || g, 'scale' || g || '@example.org',
  case when g <= 700 then 4 + g % 3 else 1 + g % 3 end,
  case when g <= 700 then 'Technical Team Lead' else 'Engineer' end,
  case when g <= 10 then 'dave' else 'scale' || (1 + g % 10) end
from generate_series(1, {{engineers}}) g;

-- Written here by hand, not through the application: the organisation has changed (V32).
update organisation_version set version = version + 1 where id = 1;

insert into application (business_key, candidate_id, skill_code, skill_level, framework_version, status, submitted_at,
  assessor_id, assessed_score, final_score, review_round, closed_at)
select business_key, candidate_id, skill_code, skill_level, 1,
  case when decided_at > now() then case when second_round and score_draw < 0.5 then 'AWAITING_RESUBMISSION' else 'OPEN' end
    when score_draw < 0.68 then 'PASSED' else 'FAILED' end,
  submitted_at,
  case when submitted_at + interval '2 days' < now() then assessor_id end,
  case when submitted_at + interval '10 days' < now() then score end,
  case when decided_at <= now() then score end,
  case when second_round then 2 else 1 end,
  case when decided_at <= now() then decided_at end
from (
  select business_key, candidate_id, skill_code, skill_level, submitted_at, assessor_id, score_draw, second_round,
    case when score_draw < 0.68 then 8 + floor(score_draw / 0.68 * 3)::int else 2 + floor((score_draw - 0.68) / 0.32 * 6)::int end
      as score,
    submitted_at + (3 + 50 * outcome_draw * outcome_draw + case when second_round then 30 else 0 end) * interval '1 day'
      as decided_at
  from (
    select 'APP-BENCH-' || lpad(g::text, 7, '0') as business_key,
      'scale' || (701 + floor(random() * ({{engineers}} - 700))::int) as candidate_id,
      (array['iLAN','iPERF','iOWN','iTEST','iARCH','iSEC','iOPS','iDATA','iDEL','iCOLL','iCOMM','iMENT'])
        [1 + floor(power(random(), 1.5) * 12)::int] as skill_code,
      (array[1,1,1,1,1,2,2,2,2,2,3,3,3,3,4,4,4,5,5,6])[1 + floor(random() * 20)::int] as skill_level,
      now() - 912 * (1 - sqrt(random())) * interval '1 day' as submitted_at,
      'scale' || (401 + floor(random() * 300)::int) as assessor_id,
      random() as score_draw,
      random() as outcome_draw,
      random() < 0.08 as second_round
    from generate_series(1, {{applications}}) g
  ) drawn
) decided;

insert into endorsement (business_key, endorser_id, candidate_id, skill_code, skill_level, score, framework_version,
  status, started_at, reviewer_id, justification_rounds, closed_at, approved_at)
select business_key, endorser_id, candidate_id, skill_code, skill_level, 8 + floor(random() * 3)::int, 1,
  case when closed_at > now() then 'OPEN' when outcome_draw < 0.9 then 'APPROVED' else 'WITHDRAWN' end,
  started_at, reviewer_id, case when outcome_draw > 0.8 then 1 else 0 end,
  case when closed_at <= now() then closed_at end,
  case when closed_at <= now() and outcome_draw < 0.9 then closed_at end
from (
  select 'END-BENCH-' || lpad(g::text, 7, '0') as business_key,
    'scale' || (1 + floor(power(random(), 2) * 400)::int) as endorser_id,
    'scale' || (701 + floor(random() * ({{engineers}} - 700))::int) as candidate_id,
    (array['iLAN','iPERF','iOWN','iTEST','iARCH','iSEC','iOPS','iDATA','iDEL','iCOLL','iCOMM','iMENT'])
      [1 + floor(power(random(), 1.5) * 12)::int] as skill_code,
    2 + floor(random() * 5)::int as skill_level,
    started_at,
    started_at + (1 + 25 * power(random(), 2)) * interval '1 day' as closed_at,
    'scale' || (401 + floor(random() * 100)::int) as reviewer_id,
    random() as outcome_draw
  from (select g, now() - 912 * (1 - sqrt(random())) * interval '1 day' as started_at
        from generate_series(1, {{endorsements}}) g) started
) drawn;

insert into credential (id, source_key, holder_id, skill_code, skill_level, score, source, assessor_id,
  reviewer_ids, framework_version, evidence_summary, issued_at, valid_for_promotion_until, revoked, revocation_reason,
  revoked_at)
select id, source_key, holder_id, skill_code, skill_level, score, source, assessor_id, 'scale402,scale403', 1,
  'Problem, actions and measured results of a bulk-loaded application.', issued_at, issued_at + interval '2 years',
  revoked, case when revoked then 'Evidence found copied.' end,
  case when revoked then least(issued_at + (1 + 200 * random()) * interval '1 day', now()) end
from (
  select md5(g::text)::uuid::text as id, 'BULK-' || g as source_key, 'scale' || (1 + g % {{engineers}}) as holder_id,
    (array['iLAN','iPERF','iOWN','iTEST','iARCH','iSEC','iOPS','iDATA','iDEL','iCOLL','iCOMM','iMENT'])[1 + g % 12]
      as skill_code,
    1 + (g / 12) % 6 as skill_level, 8 + g % 3 as score,
    case when source_draw < 0.85 then 'SELF_SUBMISSION' when source_draw < 0.97 then 'ENDORSEMENT' else 'PROMOTION' end
      as source,
    'scale' || (401 + g % 300) as assessor_id,
    now() - 912 * (1 - sqrt(random())) * interval '1 day' as issued_at,
    random() < 0.003 as revoked
  from (select g, random() as source_draw from generate_series(1, {{credentials}}) g) drawn
) issued;

-- {{promotions}} promotion applications (one in twenty applications) over the last 30 months, each for the level above
-- the candidate's (2..6) with the four skills it settled; the recent ones still open, the others promoted a little
-- more often than not. Their candidates hold credentials above ('scale' || (1 + g % engineers)).
insert into promotion_application (business_key, candidate_id, from_level, target_level, framework_version, statement,
  status, started_at, interview_passed, promoted, decided_at)
select business_key, candidate_id, target_level - 1, target_level, 1, 'Bulk-loaded statement.',
  case when started_at > now() - interval '45 days' then 'OPEN' when draw < 0.55 then 'PROMOTED' else 'NOT_PROMOTED' end,
  started_at,
  case when target_level >= 4 and started_at <= now() - interval '45 days' then draw < 0.8 end,
  case when started_at <= now() - interval '45 days' then draw < 0.55 end,
  case when started_at <= now() - interval '45 days' then started_at + interval '40 days' end
from (
  select 'PRO-BENCH-' || lpad(g::text, 7, '0') as business_key,
    'scale' || (701 + floor(random() * ({{engineers}} - 700))::int) as candidate_id,
    2 + floor(power(random(), 1.5) * 5)::int as target_level,
    now() - 912 * (1 - sqrt(random())) * interval '1 day' as started_at,
    random() as draw
  from generate_series(1, {{promotions}}) g
) drawn;

-- What the register writes when an application starts: the credentials its candidate held then.
update promotion_application p set credentials_held = (
  select count(*) from credential c
  where c.holder_id = p.candidate_id and c.issued_at <= p.started_at
    and (not c.revoked or c.revoked_at > p.started_at))
where p.business_key like 'PRO-BENCH-%';

insert into promotion_skill (business_key, skill_code)
select p.business_key,
  (array['iLAN','iPERF','iOWN','iTEST','iARCH','iSEC','iOPS','iDATA','iDEL','iCOLL','iCOMM','iMENT'])
    [1 + (p.target_level + 3 * k) % 12]
from promotion_application p cross join generate_series(0, 3) k
where p.business_key like 'PRO-BENCH-%';

-- Camunda's history. Process instances: the self-submission and its review round (same business key).
insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
  duration_, start_user_id_, start_act_id_, end_act_id_, super_process_instance_id_, root_proc_inst_id_, state_)
select 'bench-ss-' || a.id, 'bench-ss-' || a.id, a.business_key, 'SelfSubmissionProcess', '{{selfSubmissionDefinition}}',
  a.submitted_at, a.closed_at, (extract(epoch from a.closed_at - a.submitted_at) * 1000)::bigint, a.candidate_id,
  'StartEvent_ApplicationSubmitted', case when a.closed_at is not null then 'EndEvent_Decided' end, null,
  'bench-ss-' || a.id, case when a.closed_at is null then 'ACTIVE' else 'COMPLETED' end
from application a where a.business_key like 'APP-BENCH-%';

insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
  duration_, start_user_id_, start_act_id_, end_act_id_, super_process_instance_id_, root_proc_inst_id_, state_)
select 'bench-rr-' || a.id, 'bench-rr-' || a.id, a.business_key, 'ReviewRoundProcess', '{{reviewRoundDefinition}}',
  a.submitted_at, a.closed_at, (extract(epoch from a.closed_at - a.submitted_at) * 1000)::bigint, null,
  'StartEvent_RoundStarted', case when a.closed_at is not null then 'EndEvent_RoundSettled' end, 'bench-ss-' || a.id,
  'bench-ss-' || a.id, case when a.closed_at is null then 'ACTIVE' else 'COMPLETED' end
from application a where a.business_key like 'APP-BENCH-%';

insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
  duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, state_)
select 'bench-en-' || n.id, 'bench-en-' || n.id, n.business_key, 'EndorsementProcess', '{{endorsementDefinition}}',
  n.started_at, n.closed_at, (extract(epoch from n.closed_at - n.started_at) * 1000)::bigint, n.endorser_id,
  'StartEvent_EndorsementStarted', case when n.closed_at is not null then 'EndEvent_Decided' end,
  'bench-en-' || n.id, case when n.closed_at is null then 'ACTIVE' else 'COMPLETED' end
from endorsement n where n.business_key like 'END-BENCH-%';

-- Tasks. Each opens at a moment of its application, is due two weeks later (one week for a peer
-- review) and ends after a drawn time: about one in eight ends after its due date.
insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
  execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, priority_, due_date_, task_state_)
select id, task_def_key, 'ReviewRoundProcess', '{{reviewRoundDefinition}}', 'bench-ss-' || application_id,
  'bench-rr-' || application_id, 'bench-rr-' || application_id, id, name, assignee, start_time,
  case when end_time <= now() then end_time end,
  case when end_time <= now() then (extract(epoch from end_time - start_time) * 1000)::bigint end, 50,
  start_time + due_days * interval '1 day',
  case when end_time <= now() then 'Completed' else 'Created' end
from (
  select 'bench-t-as-' || a.id as id, a.id as application_id, 'Task_AssignAssessor' as task_def_key,
    'Assign an assessor' as name, case when a.assessor_id is not null then 'scale' || (701 + a.id % 10) end as assignee,
    a.submitted_at as start_time, a.submitted_at + (0.2 + 1.5 * random()) * interval '1 day' as end_time, 14 as due_days
  from application a where a.business_key like 'APP-BENCH-%'
  union all
  select 'bench-t-ae-' || a.id, a.id, 'Task_AssessEvidence', 'Assess evidence', a.assessor_id,
    a.submitted_at + interval '2 days', a.submitted_at + (3 + 17 * power(random(), 2)) * interval '1 day', 14
  from application a where a.business_key like 'APP-BENCH-%' and a.assessor_id is not null
  union all
  select 'bench-t-pr' || reviewer || '-' || a.id, a.id, 'Task_PeerReview', 'Peer review the score',
    'scale' || (401 + (a.id * 7 + reviewer * 13) % 300),
    a.submitted_at + interval '10 days', a.submitted_at + (11 + 9 * power(random(), 2)) * interval '1 day', 7
  from application a cross join generate_series(1, 2) reviewer
  where a.business_key like 'APP-BENCH-%' and a.assessed_score is not null and (reviewer = 1 or a.skill_level >= 4)
  union all
  select 'bench-t-ms-' || a.id, a.id, 'Task_ModerateScore', 'Moderate the score', a.assessor_id,
    a.submitted_at + interval '18 days', a.submitted_at + (19 + 10 * power(random(), 2)) * interval '1 day', 14
  from application a where a.business_key like 'APP-BENCH-%' and a.assessed_score is not null and a.id % 7 = 0
  union all
  select 'bench-t-re-' || a.id, a.id, 'Task_ReassessEvidence', 'Re-assess the evidence', a.assessor_id,
    a.submitted_at + interval '30 days', a.submitted_at + (32 + 12 * power(random(), 2)) * interval '1 day', 14
  from application a where a.business_key like 'APP-BENCH-%' and a.review_round = 2 and a.assessed_score is not null
) tasks;

insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
  execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, priority_, due_date_, task_state_)
select 'bench-t-en-' || n.id, 'Task_ReviewEndorsement', 'EndorsementProcess', '{{endorsementDefinition}}',
  'bench-en-' || n.id, 'bench-en-' || n.id, 'bench-en-' || n.id, 'bench-t-en-' || n.id, 'Review the endorsement',
  n.reviewer_id, n.started_at, n.closed_at, (extract(epoch from n.closed_at - n.started_at) * 1000)::bigint, 50,
  n.started_at + interval '14 days', case when n.closed_at is null then 'Created' else 'Completed' end
from endorsement n where n.business_key like 'END-BENCH-%';

-- What the engine keeps at runtime of the assessor and reviewer tasks still open: their ACT_RU_TASK rows
-- (standalone here: no execution; the SLA report reads open tasks' assignee and due date from there).
insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, assignee_, priority_, create_time_, due_date_,
  suspension_state_)
select t.id_, 1, t.proc_def_id_, t.name_, t.task_def_key_, t.assignee_, t.priority_, t.start_time_, t.due_date_, 1
from act_hi_taskinst t
where t.id_ like 'bench-t-%' and t.end_time_ is null
  and t.task_def_key_ in ('Task_AssessEvidence', 'Task_ReassessEvidence', 'Task_ModerateScore', 'Task_PeerReview',
    'Task_ReviewEndorsement');

-- Identity links: the candidate group of each group task, and who held each task. One overdue task
-- in four was escalated: the SEM team took it from its first holder a week after the due date and
-- gave it to its final holder.
insert into act_hi_identitylink (id_, timestamp_, type_, user_id_, group_id_, task_id_, root_proc_inst_id_,
  proc_def_id_, operation_type_, assigner_id_, proc_def_key_)
select 'bench-l-c-' || t.id_, t.start_time_, 'candidate', null,
  case t.task_def_key_ when 'Task_AssignAssessor' then 'sem-team' when 'Task_PeerReview' then 'assessors'
    else 'endorsement-reviewers' end,
  t.id_, t.root_proc_inst_id_, t.proc_def_id_, 'add', null, t.proc_def_key_
from act_hi_taskinst t
where t.id_ like 'bench-t-%' and t.task_def_key_ in ('Task_AssignAssessor', 'Task_PeerReview', 'Task_ReviewEndorsement');

insert into act_hi_identitylink (id_, timestamp_, type_, user_id_, group_id_, task_id_, root_proc_inst_id_,
  proc_def_id_, operation_type_, assigner_id_, proc_def_key_)
select 'bench-l-a-' || t.id_, t.start_time_ + interval '1 hour', 'assignee',
  case when escalated then 'scale' || (401 + abs(hashtext(t.id_)) % 300) else t.assignee_ end,
  null, t.id_, t.root_proc_inst_id_, t.proc_def_id_, 'add', null, t.proc_def_key_
from (
  select t.*, coalesce(t.end_time_, now()) > t.due_date_ + interval '7 days' and abs(hashtext(t.id_)) % 4 = 0
    and t.task_def_key_ in ('Task_AssessEvidence', 'Task_PeerReview', 'Task_ReviewEndorsement') as escalated
  from act_hi_taskinst t where t.id_ like 'bench-t-%' and t.assignee_ is not null
) t;

insert into act_hi_identitylink (id_, timestamp_, type_, user_id_, group_id_, task_id_, root_proc_inst_id_,
  proc_def_id_, operation_type_, assigner_id_, proc_def_key_)
select 'bench-l-' || step || '-' || t.id_, t.due_date_ + interval '7 days', 'assignee',
  case when step = 'd' then 'scale' || (401 + abs(hashtext(t.id_)) % 300) else t.assignee_ end,
  null, t.id_, t.root_proc_inst_id_, t.proc_def_id_, case when step = 'd' then 'delete' else 'add' end,
  'scale' || (701 + abs(hashtext(t.id_)) % 10), t.proc_def_key_
from act_hi_taskinst t cross join (values ('d'), ('e')) steps (step)
where t.id_ like 'bench-t-%' and t.assignee_ is not null
  and coalesce(t.end_time_, now()) > t.due_date_ + interval '7 days' and abs(hashtext(t.id_)) % 4 = 0
  and t.task_def_key_ in ('Task_AssessEvidence', 'Task_PeerReview', 'Task_ReviewEndorsement');

analyze;
