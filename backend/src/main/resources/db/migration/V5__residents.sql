-- Residents: one row per real person, bound by national id. Login identities (Keycloak for the web portal, the
-- mini-program gateway's own issuer) link to a resident once real-name bound; from then on everything the person
-- owns is keyed by the resident ('resident:<id>' in the owner_subject columns), so both identities see it.
create table resident (
    id                  uuid primary key,
    national_id_enc     text         not null,
    national_id_hash    char(64)     not null unique,
    name                varchar(100) not null,
    phone_enc           text,
    phone_hash          char(64),
    phone_verified_at   timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index resident_phone_idx on resident (phone_hash) where phone_hash is not null;

-- Subjects of the two issuers cannot collide (Keycloak: UUIDs; gateway: 'mp:' + HMAC), so the subject alone is
-- the key; the tenant is kept for the audit trail. A binding is permanent: it is never moved to another person.
create table resident_identity (
    subject      varchar(255) primary key,
    tenant       varchar(40)  not null,
    resident_id  uuid         not null references resident (id),
    bound_at     timestamptz  not null
);
create index resident_identity_resident_idx on resident_identity (resident_id);
