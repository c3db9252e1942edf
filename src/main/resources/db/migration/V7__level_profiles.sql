-- Level profiles (issue 15): for each level 2..6, the skills a promotion to that level requires.
-- Versioned with the rest of the framework: a credential's and an application's framework version
-- say which profile applied.
create table level_profile (
  framework_version integer     not null,
  level             integer     not null check (level between 2 and 6),
  skill_code        varchar(16) not null,
  primary key (framework_version, level, skill_code),
  foreign key (framework_version, skill_code) references skill (framework_version, code)
);
