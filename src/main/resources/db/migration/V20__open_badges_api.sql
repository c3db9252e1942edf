-- The Open Badges 3.0 API (1EdTech) for wallets: clients registered by OAuth 2.0 dynamic client
-- registration (RFC 7591), the authorization codes a holder's consent gives them (PKCE S256), and
-- the access and refresh tokens exchanged for those codes. Secrets, codes and tokens are kept as
-- SHA-256 hashes only: a copy of the database lets nobody act as a client or a holder.
-- Portable SQL: H2 and PostgreSQL.

create table wallet_client (
  client_id        varchar(64)   not null primary key,
  secret_hash      varchar(64)   not null,
  -- the registered metadata as JSON (RFC 7591 client metadata), echoed on registration
  metadata         varchar(8000) not null,
  -- one redirect URI a line, compared exactly
  redirect_uris    varchar(8000) not null,
  scope            varchar(2000) not null,
  refresh_allowed  boolean       not null,
  registered_at    timestamp with time zone not null
);

create table wallet_authorization_code (
  code_hash        varchar(64)   not null primary key,
  -- all tokens exchanged for one code, and refreshed from them, share its grant
  grant_id         varchar(64)   not null,
  client_id        varchar(64)   not null references wallet_client (client_id),
  holder_id        varchar(64)   not null,
  redirect_uri     varchar(2000) not null,
  scope            varchar(2000) not null,
  code_challenge   varchar(128)  not null,
  expires_at       timestamp with time zone not null,
  used_at          timestamp with time zone
);

create table wallet_token (
  token_hash       varchar(64)   not null primary key,
  kind             varchar(16)   not null,
  grant_id         varchar(64)   not null,
  client_id        varchar(64)   not null references wallet_client (client_id),
  holder_id        varchar(64)   not null,
  scope            varchar(2000) not null,
  issued_at        timestamp with time zone not null,
  expires_at       timestamp with time zone,
  revoked_at       timestamp with time zone
);

create index wallet_token_grant on wallet_token (grant_id);
