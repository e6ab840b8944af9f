-- Hotline (12345 / 12349): staff take a call, record how they verified the caller, look the caller up, read the
-- status (masked), prepare an assisted filing (代办) or submit one on recorded verbal consent, write call notes and
-- hand a case to the caseworker queue. Every look-up is audited (audit_event) with the call reference.
create table hotline_call (
    id                      uuid         primary key,
    call_reference          varchar(60)  not null,
    line                    varchar(5)   not null check (line in ('12345', '12349')),
    staff_subject           varchar(255) not null,
    -- the staff member's region when the call was opened: the scope of every look-up in this call
    staff_region            varchar(12)  not null,
    opened_at               timestamptz  not null,
    verified_at             timestamptz,
    verification_questions  text[],
    verification_reason     varchar(500),
    -- look-up hash of the caller's national id once searched by it (an assisted filing must be for this person)
    caller_id_hash          char(64)
);
create index hotline_call_staff_idx on hotline_call (staff_subject, opened_at desc);

-- The intakes a search of this call found: only their status may be read in this call.
create table hotline_call_match (
    call_id    uuid not null references hotline_call (id),
    intake_id  uuid not null references intake (id),
    primary key (call_id, intake_id)
);

create table hotline_call_note (
    id             bigserial     primary key,
    call_id        uuid          not null references hotline_call (id),
    written_at     timestamptz   not null,
    staff_subject  varchar(255)  not null,
    text           varchar(2000) not null
);
create index hotline_call_note_call_idx on hotline_call_note (call_id, id);

-- Drafts prepared by hotline staff for a caller. The draft itself is the resident's (owner 'resident:<id>'); this
-- row flags it as prepared on the phone. No foreign key to draft: the draft is deleted when it is submitted.
create table hotline_assisted_draft (
    draft_id                 uuid         primary key,
    call_id                  uuid         not null references hotline_call (id),
    resident_id              uuid         not null references resident (id),
    prepared_by              varchar(255) not null,
    prepared_at              timestamptz  not null,
    submitted_intake_id      uuid         references intake (id),
    verbal_consent_at        timestamptz,
    verbal_consent_taken_by  varchar(255),
    consent_text_version     varchar(20)
);

-- Cases handed from the hotline to the caseworker queue (the queue flags them through the case timeline).
create table hotline_handoff (
    id             bigserial     primary key,
    call_id        uuid          not null references hotline_call (id),
    case_id        uuid          not null references program_case (id),
    handed_at      timestamptz   not null,
    staff_subject  varchar(255)  not null,
    note           varchar(2000)
);

-- The text of the verification consent (授权书), versioned: each signature names the version it was given on.
create table consent_text (
    version         varchar(20)  primary key,
    effective_from  timestamptz  not null,
    text_zh         text         not null,
    text_en         text         not null
);
insert into consent_text (version, effective_from, text_zh, text_en) values ('2026-01', '2026-01-01T00:00:00+08:00',
    '本人同意民政部门及其委托的核对机构，为审核本户社会救助申请，向税务、银行、车辆、不动产、社保、市场监管等部门查询本人的收入和财产信息。'
    || '查询结果仅用于本次申请的审核及后续动态管理，不作他用。本人可随时撤回本授权；撤回后将停止核对，尚未完成核对的救助项目将无法继续审核。',
    'I agree that the civil affairs department and the verification body it appoints may query my income and assets with '
    || 'the tax, banking, vehicle, real-estate, social-insurance and business-registration authorities to assess this '
    || 'household''s application for social assistance. The results are used only for this application and its later '
    || 'review. I may revoke this consent at any time; verification then stops, and programs not yet verified cannot '
    || 'continue to be assessed.');

-- Consent records: who (signed_by_subject, or the guardian), when, how (channel), on which text, and revocation.
alter table verification_consent
    add column consent_text_version  varchar(20) references consent_text (version),
    -- a guardian signs for an adult who cannot (legal incapacity); their name is kept, the member's id hash as before
    add column guardian_name         varchar(100),
    add column call_reference        varchar(60),
    add column revoked_at            timestamptz,
    add column revoked_by_subject    varchar(255);

-- Phone look-up for the hotline: keyed hash of the applicant's phone, written at submission from now on.
alter table intake add column applicant_phone_hash char(64);
create index intake_applicant_phone_idx on intake (applicant_phone_hash) where applicant_phone_hash is not null;
create index intake_applicant_id_idx on intake (applicant_national_id_hash);
