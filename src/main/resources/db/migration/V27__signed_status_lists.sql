-- A status list as signed: canonicalisation and an Ed25519 signature are paid once per change of the list (a
-- revocation in it), not on every request of every verifier and wallet. Served as stored, with its ETag, until the
-- list's revocations are no longer those it was signed with.
create table status_list_document (
  list        integer                  primary key,
  revocations integer                  not null,
  valid_from  timestamp with time zone not null,
  document    varchar(200000)          not null,
  etag        varchar(64)              not null
);
