-- Open Badges 3.0 as wallets and verifiers accept them (issue 16). Portable SQL: H2 and PostgreSQL.
-- Numbered after the issue so that migrations other work adds meanwhile keep their numbers.

-- Ed25519 keys of the Data Integrity proofs on the embedded default (production reads them from the
-- keystore). The id is the public key itself (publicKeyMultibase); retired keys stay published.
create table credential_ed25519_key (
  id            varchar(64)  primary key,
  private_pkcs8 varchar(200) not null,
  created_at    timestamp with time zone not null,
  active        boolean      not null
);

-- Each holder's stable credentialSubject.id (a urn:uuid), never derived from the user id or email.
create table credential_holder_subject (
  holder_id   varchar(64) primary key references engineer (user_id),
  subject_id  varchar(64) not null unique
);

-- A credential's entry in a W3C Bitstring Status List: which list and which bit. Allocated at random
-- (not in issue order) when the credential is first exported; never reused. Null until then.
alter table credential add column status_list integer;
alter table credential add column status_list_index integer;
create unique index credential_status_entry on credential (status_list, status_list_index);
