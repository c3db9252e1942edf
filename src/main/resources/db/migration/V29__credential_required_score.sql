-- The score the credential's holder had to reach when it was issued: the pass mark of a self-submission or a
-- promotion's skill, the minimum score of an endorsement. The Open Badge shows it as the result's required value.
-- Null for credentials issued before it was recorded: their badge shows today's pass mark, as it always did.
alter table credential add column required_score integer;
