-- Navo's own OAuth 2.1 authorization server (OpenIddict), for assistants connecting to /mcp: the clients that
-- registered themselves, the grants people consented to, and every token issued (codes, access and refresh tokens),
-- so that a code is redeemed once and a revoked grant or token stops at once. Host tables, like the accounts: no
-- workspace reads them; the workspace a token acts in is inside the token and checked against the membership on
-- every request. concurrency_token: a row changed by someone else since it was read is not overwritten (a code
-- redeemed twice at the same moment succeeds once).
create table if not exists navo_oauth_applications (
    id                        uuid primary key,
    client_id                 varchar(100) not null unique,
    client_secret             text,
    client_type               varchar(20),
    application_type          varchar(20),
    consent_type              varchar(20),
    display_name              varchar(200),
    display_names             text,
    redirect_uris             text[] not null default '{}',
    post_logout_redirect_uris text[] not null default '{}',
    permissions               text[] not null default '{}',
    requirements              text[] not null default '{}',
    settings                  text,
    properties                text,
    json_web_key_set          text,
    concurrency_token         uuid not null,
    created_at                timestamptz not null default now()
);

create table if not exists navo_oauth_authorizations (
    id                uuid primary key,
    application_id    uuid references navo_oauth_applications (id) on delete cascade,
    subject           varchar(400),
    status            varchar(50),
    type              varchar(50),
    scopes            text[] not null default '{}',
    properties        text,
    creation_date     timestamptz,
    concurrency_token uuid not null
);

create index if not exists ix_navo_oauth_authorizations_subject on navo_oauth_authorizations (subject, application_id);

create table if not exists navo_oauth_tokens (
    id                uuid primary key,
    application_id    uuid references navo_oauth_applications (id) on delete cascade,
    authorization_id  uuid references navo_oauth_authorizations (id) on delete cascade,
    subject           varchar(400),
    status            varchar(50),
    type              varchar(150),
    reference_id      varchar(100) unique,
    payload           text,
    properties        text,
    creation_date     timestamptz,
    expiration_date   timestamptz,
    redemption_date   timestamptz,
    concurrency_token uuid not null
);

create index if not exists ix_navo_oauth_tokens_authorization on navo_oauth_tokens (authorization_id);
create index if not exists ix_navo_oauth_tokens_subject on navo_oauth_tokens (subject, application_id);
create index if not exists ix_navo_oauth_tokens_application on navo_oauth_tokens (application_id);
