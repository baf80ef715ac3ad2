-- Who a provider vouched for: the (issuer, subject) pair of each single sign-on identity and the account it signs in
-- to. A sign-in is matched on this pair, never on the e-mail address alone: an owner names the provider, so an
-- address the provider asserts proves nothing about an account that already exists.
create table if not exists navo_sso_identities (
    issuer     varchar(400) not null,
    subject    varchar(255) not null,
    user_id    uuid not null references navo_accounts (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (issuer, subject)
);

create index if not exists ix_navo_sso_identities_user on navo_sso_identities (user_id);
