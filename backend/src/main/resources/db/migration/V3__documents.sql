-- Documents context: the documents of a draft or an intake (bytes live in S3; a row says what they are and whether
-- they count), and requests for documents that put items back on the resident's to-do list after submission.

create table document (
    id                 uuid primary key,
    owner_subject      varchar(255) not null,
    -- exactly one holder: a draft while the resident prepares the application, the intake after submission
    draft_id           uuid,
    intake_id          uuid references intake (id),
    document_type      varchar(40)  not null,
    member_id          varchar(40),
    -- PENDING_UPLOAD, PENDING_SCAN, UPLOADED, ACCEPTED, REJECTED, INFECTED, DISCARDED (object to be removed)
    status             varchar(20)  not null,
    object_key         varchar(200) not null unique,
    content_type       varchar(60),
    declared_size      bigint,
    size_bytes         bigint,
    sha256             char(64),
    rejection_reason   varchar(500),
    -- a PENDING_UPLOAD row older than this is swept with its object
    upload_expires_at  timestamptz,
    -- lease of the virus-scan job, so two instances never scan the same document at once
    scan_claimed_until timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null,
    constraint document_one_holder check (num_nonnulls(draft_id, intake_id) = 1)
);
create index document_draft_idx on document (draft_id) where draft_id is not null;
create index document_intake_idx on document (intake_id) where intake_id is not null;
create index document_sweep_idx on document (upload_expires_at) where status in ('PENDING_UPLOAD', 'DISCARDED');
create index document_pending_scan_idx on document (created_at) where status = 'PENDING_SCAN';
-- The same bytes are stored once per draft or intake; the database, not a read-then-write race, enforces it.
create unique index document_same_bytes_once on document (coalesce(intake_id, draft_id), sha256)
    where sha256 is not null and status not in ('INFECTED', 'DISCARDED');

-- 补正材料: a caseworker asks for (more) documents of one type for one case; an upload of that type fulfils it.
create table document_request (
    id                 uuid primary key,
    intake_id          uuid          not null references intake (id),
    case_id            uuid          not null references program_case (id),
    document_type      varchar(40)   not null,
    member_id          varchar(40),
    reason_zh          varchar(500)  not null,
    reason_en          varchar(500)  not null,
    requested_by       varchar(255)  not null,
    requested_at       timestamptz   not null,
    fulfilled_at       timestamptz,
    fulfilled_by       uuid references document (id)
);
create index document_request_open_idx on document_request (intake_id) where fulfilled_at is null;
