-- monitoring (动态监测 / 政策找人): signals from other agencies, the warnings the rules raise from them, home visits,
-- invitations with a prefilled draft, opt-outs and direct grants (免申即享). National ids are sealed (AES-GCM) with a
-- keyed hash for look-ups, as everywhere; names are kept as the agency sent them (needed for the home visit).

create table monitoring_signal (
    id                uuid          primary key,
    -- the agency that sent it (the data-exchange account's agency, or the source column of an imported file) and
    -- the agency's own id of the signal: together they make a re-post a no-op
    source            varchar(40)   not null,
    signal_key        varchar(100)  not null,
    type              varchar(40)   not null,
    national_id_enc   text          not null,
    national_id_hash  char(64)      not null,
    person_name       varchar(50)   not null,
    region_code       varchar(12)   not null,
    occurred_on       date          not null,
    amount            numeric(12,2),
    disability_grade  integer,
    program           varchar(40),
    batch_id          uuid          not null,
    received_via      varchar(10)   not null,
    received_by       varchar(255)  not null,
    received_at       timestamptz   not null,
    unique (source, signal_key)
);
create index monitoring_signal_person_idx on monitoring_signal (national_id_hash);
create index monitoring_signal_region_idx on monitoring_signal (region_code);

create table monitoring_warning (
    id                uuid          primary key,
    signal_id         uuid          not null references monitoring_signal (id),
    rule              varchar(40)   not null,
    level             varchar(10)   not null,
    -- 3 RED, 2 ORANGE, 1 YELLOW: the queue's order (highest first, then oldest)
    level_rank        integer       not null,
    reason_zh         varchar(1000) not null,
    national_id_hash  char(64)      not null,
    region_code       varchar(12)   not null,
    agency            varchar(40)   not null,
    status            varchar(12)   not null,
    created_at        timestamptz   not null,
    closed_at         timestamptz,
    closed_by         varchar(255),
    dismiss_reason    varchar(500),
    version           integer       not null,
    -- running the rules again over the same signal never raises a second warning
    unique (signal_id, rule)
);
create index monitoring_warning_queue_idx on monitoring_warning (agency, level_rank desc, created_at, id)
    where status in ('OPEN', 'VISITED');
create index monitoring_warning_region_idx on monitoring_warning (region_code);

create table monitoring_visit (
    id           uuid          primary key,
    warning_id   uuid          not null references monitoring_warning (id),
    visited_on   date          not null,
    outcome      varchar(30)   not null,
    note         varchar(1000),
    visited_by   varchar(255)  not null,
    recorded_at  timestamptz   not null
);
create index monitoring_visit_warning_idx on monitoring_visit (warning_id);

create table monitoring_invitation (
    id                uuid          primary key,
    warning_id        uuid          not null unique references monitoring_warning (id),
    resident_id       uuid          not null references resident (id),
    national_id_hash  char(64)      not null,
    region_code       varchar(12)   not null,
    draft_id          uuid          not null,
    reason_zh         varchar(1000) not null,
    likely_programs   text[]        not null,
    invited_by        varchar(255)  not null,
    invited_at        timestamptz   not null,
    opted_out_at      timestamptz
);
create index monitoring_invitation_resident_idx on monitoring_invitation (resident_id, invited_at desc);
create index monitoring_invitation_region_idx on monitoring_invitation (region_code);

-- a person who asked not to be contacted: no new warnings or invitations until opted_out_until
create table monitoring_opt_out (
    national_id_hash  char(64)      primary key,
    opted_out_at      timestamptz   not null,
    opted_out_until   timestamptz   not null
);

create table monitoring_direct_grant (
    id                uuid          primary key,
    program           varchar(40)   not null,
    resident_id       uuid          not null references resident (id),
    national_id_hash  char(64)      not null,
    region_code       varchar(12)   not null,
    amount            numeric(12,2) not null,
    period            varchar(10)   not null,
    starts_on         date          not null,
    parameter_version varchar(40)   not null,
    started_by        varchar(255)  not null,
    started_at        timestamptz   not null,
    unique (national_id_hash, program)
);
create index monitoring_direct_grant_region_idx on monitoring_direct_grant (region_code);
