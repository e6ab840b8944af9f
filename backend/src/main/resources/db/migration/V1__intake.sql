-- Intake context: drafts, submitted intakes (one per household application), their program cases,
-- idempotency records of create requests and the transactional outbox.

create table draft (
    id                 uuid primary key,
    owner_subject      varchar(255) not null,
    version            integer      not null,
    -- typed copies of what queries filter on; the household itself lives in JSONB
    region_code        varchar(12),
    member_count       integer,
    household          jsonb        not null,
    applicant_enc      text,
    chosen_programs    text[],
    situation          text,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index draft_owner_idx on draft (owner_subject, updated_at desc);

-- Gap-tolerant and lock-free across instances: a rolled-back submission just skips a number.
create sequence intake_number_seq;

create table intake (
    id                          uuid primary key,
    intake_number               varchar(40)   not null unique,
    owner_subject               varchar(255)  not null,
    status                      varchar(20)   not null,
    applicant_name              varchar(100)  not null,
    applicant_national_id_enc   text          not null,
    applicant_national_id_hash  char(64)      not null,
    applicant_phone_enc         text,
    region_code                 varchar(12)   not null,
    hukou                       varchar(10)   not null,
    member_count                integer       not null,
    per_capita_income           numeric(12,2) not null,
    revision                    integer       not null,
    parameter_version           varchar(40)   not null,
    household                   jsonb         not null,
    evaluation                  jsonb         not null,
    chosen_programs             text[],
    situation                   text,
    consent_at                  timestamptz   not null,
    submitted_at                timestamptz   not null,
    updated_at                  timestamptz   not null,
    version                     integer       not null
);
create index intake_owner_idx on intake (owner_subject, submitted_at desc);
create index intake_region_idx on intake (region_code, submitted_at desc);
-- One active intake per applicant: the database, not a read-then-write race, enforces it.
create unique index intake_one_active_per_applicant on intake (applicant_national_id_hash) where status = 'ACTIVE';

-- Every evaluation an intake has had: the first at submission, more after changes of circumstances.
create table intake_snapshot (
    intake_id          uuid         not null references intake (id),
    revision           integer      not null,
    reason             varchar(40)  not null,
    household          jsonb        not null,
    evaluation         jsonb        not null,
    parameter_version  varchar(40)  not null,
    created_at         timestamptz  not null,
    primary key (intake_id, revision)
);

create table program_case (
    id                 uuid primary key,
    intake_id          uuid          not null references intake (id),
    program            varchar(40)   not null,
    agency             varchar(40)   not null,
    region_code        varchar(12)   not null,
    status             varchar(20)   not null,
    verdict            varchar(20)   not null,
    urgent             boolean       not null,
    estimate_amount    numeric(12,2) not null,
    estimate_period    varchar(10)   not null,
    members            text[]        not null,
    closed_reason      varchar(40),
    opened_at          timestamptz   not null,
    updated_at         timestamptz   not null,
    version            integer       not null
);
create index program_case_intake_idx on program_case (intake_id);
create index program_case_queue_idx on program_case (agency, region_code, status);
create unique index program_case_one_open_per_program on program_case (intake_id, program)
    where status not in ('CLOSED', 'WITHDRAWN', 'REJECTED');

-- Create requests by (caller, Idempotency-Key): the first answer is kept and replayed.
create table idempotency_record (
    owner_subject      varchar(255)  not null,
    idempotency_key    uuid          not null,
    operation          varchar(40)   not null,
    request_hash       char(64)      not null,
    state              varchar(12)   not null,
    response_status    integer,
    response_location  varchar(255),
    response_body      jsonb,
    created_at         timestamptz   not null,
    primary key (owner_subject, idempotency_key)
);

create table outbox_event (
    id                 bigserial primary key,
    aggregate_type     varchar(40)   not null,
    aggregate_id       uuid          not null,
    event_type         varchar(60)   not null,
    payload            jsonb         not null,
    created_at         timestamptz   not null,
    published_at       timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (id) where published_at is null;
