-- Cases context: the workflow of each program case after fan-out (deadlines, requests for documents, public
-- notice), its timeline, decisions with the evaluation they rest on, economic-status verification under the signed
-- consent of every adult member, and objections to public notices.

-- The workflow state of a case lives next to its status, so one row answers "where is it and when is it due".
alter table program_case
    add column step_entered_at     timestamptz,
    -- which clock runs now (ACCEPTANCE, DECISION, FAST_DECISION, PAYMENT, PAPERWORK); null when none does
    add column deadline_kind       varchar(20),
    -- the instant the running clock expires; null while paused (RETURNED) or when no clock runs
    add column due_at              timestamptz,
    add column paused_at           timestamptz,
    add column due_before_pause    timestamptz,
    add column returned_from       varchar(20),
    add column requested_documents text[],
    add column accepted_at         timestamptz,
    -- public notice: a separate random id, so the public list never exposes case ids
    add column notice_id           uuid unique,
    add column notice_ends_on      date;
-- Work queues: scope by agency and region, earliest due first (so overdue first), keyset on (due_at, id).
create index program_case_queue_due_idx on program_case (agency, due_at, id);
create index program_case_notice_idx on program_case (status, region_code) where notice_id is not null;

-- Timeline: one row per transition or notable act, written in the transaction of what it records.
create table case_event (
    id             bigserial    primary key,
    case_id        uuid         not null references program_case (id),
    intake_id      uuid         not null references intake (id),
    occurred_at    timestamptz  not null,
    actor_subject  varchar(255) not null,
    actor_role     varchar(40)  not null,
    action         varchar(40)  not null,
    from_step      varchar(20),
    to_step        varchar(20),
    note           varchar(2000),
    details        jsonb
);
create index case_event_case_idx on case_event (case_id, id);
create index case_event_intake_idx on case_event (intake_id, id);

-- A decision and what it rests on: the intake snapshot (revision) and parameter version, with the program's result
-- as evaluated then, so it can be reproduced whatever the parameters or the household are today.
create table case_decision (
    case_id            uuid          primary key references program_case (id),
    intake_id          uuid          not null,
    outcome            varchar(20)   not null,
    reason_code        varchar(40),
    reason_zh          varchar(1000),
    reason_en          varchar(1000),
    decided_by         varchar(255)  not null,
    decided_role       varchar(40)   not null,
    decided_at         timestamptz   not null,
    intake_revision    integer       not null,
    parameter_version  varchar(40)   not null,
    verdict            varchar(20)   not null,
    estimate_amount    numeric(12,2) not null,
    estimate_period    varchar(10)   not null,
    program_result     jsonb         not null,
    foreign key (intake_id, intake_revision) references intake_snapshot (intake_id, revision)
);

-- Consent to economic-status verification (授权书), one per adult member; the applicant's is given at submission.
-- Only the look-up hash of the signer's national id is kept: it keys the agency records, nothing else needs it.
create table verification_consent (
    intake_id          uuid         not null references intake (id),
    member_id          varchar(40)  not null,
    national_id_hash   char(64)     not null,
    signed_at          timestamptz  not null,
    channel            varchar(20)  not null,
    signed_by_subject  varchar(255) not null,
    primary key (intake_id, member_id)
);

-- Records of other agencies (tax, banks, vehicles, real estate, social insurance, business registration), keyed by
-- the look-up hash of a person's national id. Locally a seeded table stands in for the data-exchange platform.
create table verification_record (
    id           bigserial     primary key,
    person_hash  char(64)      not null,
    field        varchar(30)   not null,
    value        numeric(14,2) not null,
    agency       varchar(60)   not null,
    recorded_on  date          not null
);
create index verification_record_person_idx on verification_record (person_hash);

-- The latest comparison of a case's declared household with the records; the caseworker reads it.
create table case_verification (
    id              bigserial    primary key,
    case_id         uuid         not null references program_case (id),
    performed_at    timestamptz  not null,
    performed_by    varchar(255) not null,
    discrepancies   integer      not null,
    result          jsonb        not null
);
create index case_verification_case_idx on case_verification (case_id, id desc);

-- Objections to a public notice, from anyone (no login); the text is shown to staff only.
create table case_objection (
    id           uuid          primary key,
    case_id      uuid          not null references program_case (id),
    received_at  timestamptz   not null,
    text         varchar(2000) not null
);
create index case_objection_case_idx on case_objection (case_id);

-- Demo records for the demo persons of infra/demo (hashes under the public DEMO hmac key: under a real key they
-- match nobody). 李明 140105198603010019 (family A's applicant): as declared. His spouse 140105198805100020: earns
-- more than the 900 declared and owns a car. 140105195203040012: a retired person with a pension and one home.
insert into verification_record (person_hash, field, value, agency, recorded_on) values
    ('19ad8ab242aac7d3ac37548d961fc5643fc64a892427f3b40f336fac44f1b2f5', 'MONTHLY_INCOME', 0, 'TAX', '2026-10-31'),
    ('19ad8ab242aac7d3ac37548d961fc5643fc64a892427f3b40f336fac44f1b2f5', 'SOCIAL_INSURANCE', 0, 'HUMAN_RESOURCES', '2026-10-31'),
    ('19ad8ab242aac7d3ac37548d961fc5643fc64a892427f3b40f336fac44f1b2f5', 'REAL_ESTATE', 1, 'NATURAL_RESOURCES', '2026-10-31'),
    ('56e18d9536ae4426fc2ef74fb0d4b91881527c635d968e984eea9f57308d0075', 'MONTHLY_INCOME', 1500, 'TAX', '2026-10-31'),
    ('56e18d9536ae4426fc2ef74fb0d4b91881527c635d968e984eea9f57308d0075', 'SOCIAL_INSURANCE', 1, 'HUMAN_RESOURCES', '2026-10-31'),
    ('56e18d9536ae4426fc2ef74fb0d4b91881527c635d968e984eea9f57308d0075', 'VEHICLES', 1, 'PUBLIC_SECURITY', '2026-10-31'),
    ('84739ce5024229ddf785019b406ff1865e0e85c02a077b4e506993e8134f3440', 'MONTHLY_INCOME', 1200, 'HUMAN_RESOURCES', '2026-10-31'),
    ('84739ce5024229ddf785019b406ff1865e0e85c02a077b4e506993e8134f3440', 'REAL_ESTATE', 1, 'NATURAL_RESOURCES', '2026-10-31');
